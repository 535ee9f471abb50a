//! `/sportelli`: where to go. Unconfirmed data is marked as such, never invented. The programme's
//! data says who each desk serves and which channels it takes; the names and addresses
//! administrators keep in the back office (`GET /api/access-points`) replace the data's as soon
//! as they arrive, closed desks leave the list and new ones join it (issue 14).

use insieme_api::AccessPointView;
use insieme_rules::{AccessPoint, access_points::is_confirmed};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api,
    components::PageTitle,
    i18n::{tr, tr_key, use_i18n},
    texts::{self, channel_slug},
};

#[component]
pub fn AccessPointsPage() -> impl IntoView {
    let i18n = use_i18n();
    // `None` until the server answers (or offline): the programme's data alone.
    let kept = RwSignal::new(None::<Vec<AccessPointView>>);
    spawn_local(async move {
        if let Ok(points) = api::access_points().await {
            kept.set(Some(points));
        }
    });
    let address_line = move |address: String| {
        let confirmed = is_confirmed(&address);
        view! {
            <p>{tr("access_points.address")}": " {if confirmed { address } else { i18n.t("site.to_be_confirmed") }}</p>
            {(!confirmed).then(|| view! { <p>{tr("site.what_happens_anyway")}</p> })}
        }
    };
    let known = move || {
        let kept = kept.get();
        AccessPoint::all()
            .iter()
            .filter_map(|point| {
                let current = match &kept {
                    Some(points) => Some(points.iter().find(|kept| kept.id == point.id)?.address.clone()),
                    None => None,
                };
                let address = current.unwrap_or_else(|| point.address.clone());
                let channels = point.channels.clone();
                Some(view! {
                    <li class="access-point">
                        <h2>{move || texts::place_name(i18n, point)}</h2>
                        {address_line(address)}
                        <p>{tr("access_points.serves")}": " {tr_key(format!("places.{}.serves", point.id))}</p>
                        <p>
                            {tr("access_points.channels")}": "
                            {move || channels.iter().map(|channel| i18n.t(&format!("channels.{}.name", channel_slug(*channel)))).collect::<Vec<_>>().join(", ")}
                        </p>
                        {(!point.is_confirmed()).then(|| view! { <p class="notice">{tr("access_points.unconfirmed_note")}</p> })}
                    </li>
                })
            })
            .collect_view()
    };
    // Desks administrators opened since: what they wrote, in the words they wrote it.
    let added = move || {
        kept.get()
            .unwrap_or_default()
            .into_iter()
            .filter(|point| AccessPoint::all().iter().all(|known| known.id != point.id))
            .map(|point| {
                view! {
                    <li class="access-point">
                        <h2><bdi lang="it">{point.name}</bdi></h2>
                        <p>{tr("access_points.comune")}": " {point.comune}</p>
                        {address_line(point.address)}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <PageTitle text=Signal::derive(tr("access_points.title")) />
        <h1>{tr("access_points.title")}</h1>
        <p>{tr("access_points.intro")}</p>
        <ul class="access-points access-points--page">{known}{added}</ul>
    }
}
