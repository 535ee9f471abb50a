//! Administration over HTTP: accounts, organisations and access points. Merged into the back
//! office's router, so the same session, same-origin and no-store rules hold. Administrators
//! only, except the lists every signed-in account needs.

use axum::{
    Json,
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
};
use insieme_api::{
    ErrorBody,
    back_office::{
        AccountChange, AccountView, CreatedAccount, NewAccountRequest, NewPlace, OneTimePassword, Place, PlaceActive,
        PlaceChange, Places,
    },
};
use insieme_rules::Role;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::json_body;
use crate::{
    AppState, Error, Result, back_office,
    back_office::{Actor, account_change, accounts, second_factor},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(accounts_list, account_create))
        .routes(routes!(account_change))
        .routes(routes!(account_disable))
        .routes(routes!(account_enable))
        .routes(routes!(account_password_reset))
        .routes(routes!(account_second_factor_reset))
        .routes(routes!(places_list, place_create))
        .routes(routes!(place_change))
        .routes(routes!(place_active))
}

/// Accounts: administrators and the secretariat see every account (to assign); others only
/// their own.
#[utoipa::path(get, path = "/api/back-office/accounts", tag = "back-office",
    responses((status = 200, body = Vec<AccountView>), (status = 401, body = ErrorBody)))]
async fn accounts_list(State(state): State<AppState>, actor: Actor) -> Result<Json<Vec<AccountView>>> {
    let all = accounts::list(&state.pool).await?;
    let visible =
        all.iter().filter(|account| actor.may_reassign() || account.id == actor.id).map(accounts::AccountRow::view);
    Ok(Json(visible.collect()))
}

/// A new account with a one-time password, shown once in the answer. Administrators.
#[utoipa::path(post, path = "/api/back-office/accounts", tag = "back-office", request_body = NewAccountRequest,
    responses((status = 201, body = CreatedAccount),
        (status = 400, description = "Role, organisation and access point do not fit, or no e-mail or name", body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "An account has this e-mail already", body = ErrorBody)))]
async fn account_create(
    State(state): State<AppState>,
    actor: Actor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<CreatedAccount>)> {
    actor.require(&[Role::Administrator])?;
    let request: NewAccountRequest = json_body::parse(&headers, &body)?;
    let role = accounts::role_from(&request.role)?;
    let one_time_password = accounts::one_time_password()?;
    let account = accounts::NewAccount {
        email: request.email,
        name: request.name,
        role,
        organisation: accounts::blank_is_none(request.organisation.as_deref()),
        access_point: accounts::blank_is_none(request.access_point.as_deref()),
        password: one_time_password.clone(),
        demo: false,
    };
    let id = accounts::create(&state.pool, &state.clock, account, &actor.id).await?;
    let created = accounts::find(&state.pool, &id).await?.ok_or(Error::NotFound)?;
    Ok((StatusCode::CREATED, Json(CreatedAccount { account: created.view(), one_time_password })))
}

/// Disable an account and end its sessions. Administrators.
#[utoipa::path(post, path = "/api/back-office/accounts/{id}/disable", tag = "back-office",
    params(("id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn account_disable(State(state): State<AppState>, actor: Actor, Path(id): Path<String>) -> Result<StatusCode> {
    actor.require(&[Role::Administrator])?;
    if id == actor.id {
        return Err(Error::BadRequest("an administrator cannot disable their own account".to_owned()));
    }
    accounts::disable(&state.pool, &actor.id, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Enable a disabled account again. Administrators.
#[utoipa::path(post, path = "/api/back-office/accounts/{id}/enable", tag = "back-office",
    params(("id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn account_enable(State(state): State<AppState>, actor: Actor, Path(id): Path<String>) -> Result<StatusCode> {
    actor.require(&[Role::Administrator])?;
    accounts::enable(&state.pool, &actor.id, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A new one-time password for an account whose holder forgot theirs; its sessions end (the
/// authenticator stays). Shown once in the answer. Administrators.
#[utoipa::path(post, path = "/api/back-office/accounts/{id}/password-reset", tag = "back-office",
    params(("id" = String, Path)),
    responses((status = 200, body = OneTimePassword), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn account_password_reset(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<Json<OneTimePassword>> {
    actor.require(&[Role::Administrator])?;
    Ok(Json(OneTimePassword { one_time_password: accounts::reset_password(&state.pool, &actor.id, &id).await? }))
}

/// Remove an account's authenticator app (a lost phone) and end its sessions; it enrols again at
/// the next sign-in. Administrators.
#[utoipa::path(delete, path = "/api/back-office/accounts/{id}/second-factor", tag = "back-office",
    params(("id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn account_second_factor_reset(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    second_factor::reset(&state.pool, &actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Organisations and access points (names only), to choose where an account belongs and whom to
/// share with. Any signed-in account.
#[utoipa::path(get, path = "/api/back-office/places", tag = "back-office",
    responses((status = 200, body = Places), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn places_list(State(state): State<AppState>, _actor: Actor) -> Result<Json<Places>> {
    Ok(Json(back_office::places::list(&state.pool).await?))
}

/// A new organisation or access point. Administrators.
#[utoipa::path(post, path = "/api/back-office/places", tag = "back-office", request_body = NewPlace,
    responses((status = 201, body = Place), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, description = "The id is taken", body = ErrorBody)))]
async fn place_create(
    State(state): State<AppState>,
    actor: Actor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Place>)> {
    let place: NewPlace = json_body::parse(&headers, &body)?;
    Ok((StatusCode::CREATED, Json(back_office::places::create(&state.pool, &actor, &place).await?)))
}

/// Open or close an organisation (`kind` = `organisation`) or an access point (`access_point`).
/// Administrators.
#[utoipa::path(put, path = "/api/back-office/places/{kind}/{id}/active", tag = "back-office",
    params(("kind" = String, Path), ("id" = String, Path)), request_body = PlaceActive,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn place_active(
    State(state): State<AppState>,
    actor: Actor,
    Path((kind, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode> {
    let change: PlaceActive = json_body::parse(&headers, &body)?;
    back_office::places::set_active(&state.pool, &actor, &kind, &id, change.active).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Change an account's name, role, organisation or access point. A new role or place ends the
/// account's sessions and lets go of the applications it holds (each release in the action log).
/// An administrator cannot take away their own role. Administrators.
#[utoipa::path(put, path = "/api/back-office/accounts/{id}", tag = "back-office", request_body = AccountChange,
    params(("id" = String, Path)),
    responses((status = 200, body = AccountView),
        (status = 400, description = "Role, organisation and access point do not fit, or no name", body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn account_change(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<AccountView>> {
    actor.require(&[Role::Administrator])?;
    let change: AccountChange = json_body::parse(&headers, &body)?;
    Ok(Json(account_change::change(&state, &actor.id, &id, &change).await?.view()))
}

/// Rename an organisation (`kind` = `organisation`) or an access point (`access_point`); an access
/// point's comune and address too (people see them for their appointments). Administrators.
#[utoipa::path(put, path = "/api/back-office/places/{kind}/{id}", tag = "back-office", request_body = PlaceChange,
    params(("kind" = String, Path), ("id" = String, Path)),
    responses((status = 200, body = Place), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn place_change(
    State(state): State<AppState>,
    actor: Actor,
    Path((kind, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Place>> {
    let change: PlaceChange = json_body::parse(&headers, &body)?;
    Ok(Json(back_office::places::update(&state.pool, &actor, &kind, &id, &change).await?))
}
