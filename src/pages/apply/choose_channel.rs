//! `/domanda`: which application to fill, with what the self-check said when there is one.

use leptos::prelude::*;

use crate::{
    application_store::use_application,
    components::{NavLink, PageTitle},
    i18n::{tr, tr_key, use_i18n},
    navigation::Link,
    pages::apply::start_href,
    state::application::Form,
};

#[component]
pub fn ChooseChannel() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_application();
    let has_self_check = store.answers.with_value(Option::is_some);
    let channels = Form::ALL
        .into_iter()
        .map(|form| {
            let slug = form.code();
            view! {
                <li class="card">
                    <h2 class="card__title">{tr_key(format!("apply.channels.{slug}.title"))}</h2>
                    <p>{tr_key(format!("apply.channels.{slug}.who"))}</p>
                    <Link href=start_href(form) class="button button--primary">
                        {tr_key(format!("apply.channels.{slug}.start"))}
                    </Link>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=Signal::derive(tr("apply.choose_title")) />
        <h1>{tr("apply.choose_title")}</h1>
        <p class="lead">{tr("apply.choose_intro")}</p>
        {(!has_self_check).then(|| view! {
            <div class="notice">
                <p>{tr("apply.no_self_check")}</p>
                <NavLink href="/verifica">{tr("apply.do_self_check")}</NavLink>
            </div>
        })}
        <ul class="card-list">{channels}</ul>
        <p><NavLink href="/stato">{move || i18n.t("apply.status_link")}</NavLink></p>
    }
}
