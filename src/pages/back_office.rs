//! The back office (`/ufficio/...`): sign-in, the queue and the case page for partners and
//! operators. What each account sees and may do is decided by the server; this bundle shows the
//! steps the workflow table allows (`insieme_rules::workflow`) and sends them.

mod account_forms;
mod administration_page;
mod audit_page;
mod bulk_assignment;
mod case_page;
mod feedback_page;
mod places_section;
mod queue_page;
mod second_factor;
mod sign_in;
mod step_form;

use insieme_api::{
    ErrorCode,
    back_office::{Me, SecondFactor},
};
use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{self, ApiError},
    i18n::{tr, use_i18n},
    navigation::use_location,
};

/// Where the queue is; a case is `/ufficio/pratiche/<reference>`.
pub const QUEUE_PATH: &str = "/ufficio";
const CASE_PREFIX: &str = "/ufficio/pratiche/";
/// Accounts, for administrators.
pub const ADMINISTRATION_PATH: &str = "/ufficio/amministrazione";
/// The audit log, for administrators.
pub const AUDIT_PATH: &str = "/ufficio/registro";
/// The accessibility reports, for administrators.
pub const FEEDBACK_PATH: &str = "/ufficio/segnalazioni";
/// The account's security: connecting an authenticator app.
pub const SECURITY_PATH: &str = "/ufficio/sicurezza";

pub fn case_path(reference: &str) -> String {
    format!("{CASE_PREFIX}{reference}")
}

/// Who is signed in, for every page of the bundle; `None` once the server said nobody is.
#[derive(Clone, Copy)]
pub struct SignedIn(pub RwSignal<Option<Option<Me>>>);

#[component]
pub fn BackOfficePages() -> impl IntoView {
    let signed_in = SignedIn(RwSignal::new(None));
    provide_context(signed_in);
    spawn_local(async move {
        let me = api::back_office::me().await.ok();
        signed_in.0.set(Some(me));
    });
    let location = use_location();
    move || match signed_in.0.get() {
        None => view! { <p role="status">{tr("bo.loading")}</p> }.into_any(),
        Some(None) => view! { <sign_in::SignInPage /> }.into_any(),
        Some(Some(me)) => {
            let path = location.path();
            let state = me.second_factor;
            let page = match path.strip_prefix(CASE_PREFIX).filter(|reference| !reference.is_empty()) {
                _ if state == SecondFactor::MustEnrol || path.starts_with(SECURITY_PATH) => {
                    view! { <second_factor::SecondFactorPage state=state /> }.into_any()
                }
                _ if is_administrator(&me) && path.starts_with(AUDIT_PATH) => {
                    view! { <audit_page::AuditPage /> }.into_any()
                }
                _ if is_administrator(&me) && path.starts_with(FEEDBACK_PATH) => {
                    view! { <feedback_page::FeedbackPage /> }.into_any()
                }
                _ if is_administrator(&me) && path.starts_with(ADMINISTRATION_PATH) => {
                    view! { <administration_page::AdministrationPage /> }.into_any()
                }
                Some(reference) => view! { <case_page::CasePage reference=reference.to_owned() /> }.into_any(),
                None => view! { <queue_page::QueuePage /> }.into_any(),
            };
            view! { <AccountBar me=me /> {page} }.into_any()
        }
    }
}

#[component]
fn AccountBar(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let signed_in = expect_context::<SignedIn>();
    let role_key = format!("bo.role.{}", me.role);
    let name = me.name.clone();
    let on_sign_out = move |_| {
        spawn_local(async move {
            // Signed out on the server or not, this page forgets the account.
            let _ = api::back_office::sign_out().await;
            signed_in.0.set(Some(None));
        });
    };
    view! {
        <div class="account-bar">
            <p>{move || i18n.t_with("bo.signed_in_as", &[("name", name.clone()), ("role", i18n.t(&role_key))])}</p>
            {(is_administrator(&me) && me.second_factor != SecondFactor::MustEnrol)
                .then(|| view! {
                    <a href=ADMINISTRATION_PATH>{tr("bo.admin_title")}</a>
                    <a href=AUDIT_PATH>{tr("bo.audit_title")}</a>
                    <a href=FEEDBACK_PATH>{tr("bo.feedback_title")}</a>
                })}
            {(me.second_factor != SecondFactor::MustEnrol).then(|| view! { <a href=SECURITY_PATH>{tr("bo.enrol_link")}</a> })}
            <button type="button" class="button" on:click=on_sign_out>{tr("bo.sign_out")}</button>
        </div>
    }
}

/// Whether the signed-in account is an administrator (the pages it alone is offered; the server
/// decides again on every request).
fn is_administrator(me: &Me) -> bool {
    insieme_rules::Role::from_code(&me.role) == Some(insieme_rules::Role::Administrator)
}

/// The message for a refused back-office request.
pub fn refusal_key(error: &ApiError) -> &'static str {
    match error {
        ApiError::Network | ApiError::UnexpectedBody => "bo.offline",
        ApiError::Server { code, .. } => match code {
            ErrorCode::TransitionNotAllowed => "bo.refused_transition",
            ErrorCode::HeldBySomeoneElse => "bo.refused_held",
            ErrorCode::ChangedMeanwhile => "bo.refused_changed",
            ErrorCode::BadRequest | ErrorCode::Unprocessable => "bo.refused_bad",
            ErrorCode::Forbidden => "bo.refused_forbidden",
            ErrorCode::NotFound => "bo.not_found",
            ErrorCode::TooManyRequests => "bo.sign_in_locked",
            ErrorCode::LoginFailed => "bo.sign_in_failed",
            ErrorCode::SecondFactorRequired => "bo.code_needed",
            _ => "bo.refused_other",
        },
    }
}

/// A field that takes the focus as soon as it is on the page (a form that opens on request), so
/// that keyboard and screen-reader users start where the answer goes.
pub fn focused_on_open() -> NodeRef<leptos::html::Input> {
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    field
}

/// A 401 means the session ended (idle, expired, disabled): back to the sign-in form.
pub fn on_session_end(error: &ApiError) {
    if let (ApiError::Server { code: ErrorCode::NotSignedIn, .. }, Some(signed_in)) = (error, use_context::<SignedIn>())
    {
        signed_in.0.set(Some(None));
    }
}
