//! `/sportelli`: where to go. Unconfirmed data is marked as such, never invented.

use insieme_rules::AccessPoint;
use leptos::prelude::*;

use crate::{
    components::PageTitle,
    i18n::{tr, tr_key, use_i18n},
    texts::{self, channel_slug},
};

#[component]
pub fn AccessPointsPage() -> impl IntoView {
    let i18n = use_i18n();
    let points = AccessPoint::all()
        .iter()
        .map(|point| {
            let channels = point.channels.clone();
            view! {
                <li class="access-point">
                    <h2>{move || texts::place_name(i18n, point)}</h2>
                    <p>
                        {tr("access_points.address")}": "
                        {move || if point.address_is_confirmed() { point.address.clone() } else { i18n.t("site.to_be_confirmed") }}
                    </p>
                    {(!point.address_is_confirmed()).then(|| view! { <p>{tr("site.what_happens_anyway")}</p> })}
                    <p>{tr("access_points.serves")}": " {tr_key(format!("places.{}.serves", point.id))}</p>
                    <p>
                        {tr("access_points.channels")}": "
                        {move || channels.iter().map(|channel| i18n.t(&format!("channels.{}.name", channel_slug(*channel)))).collect::<Vec<_>>().join(", ")}
                    </p>
                    {(!point.is_confirmed()).then(|| view! { <p class="notice">{tr("access_points.unconfirmed_note")}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=Signal::derive(tr("access_points.title")) />
        <h1>{tr("access_points.title")}</h1>
        <p>{tr("access_points.intro")}</p>
        <ul class="access-points access-points--page">{points}</ul>
    }
}
