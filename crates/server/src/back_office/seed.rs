//! What the back office needs at every start: the organisations of `workflows.toml` (with one
//! SUAP desk per distretto and one community network per Quartiere of Bologna and per distretto
//! outside it) and the access points of the specification. Rows already there are left as they
//! are, so that an administrator's change survives a restart. Demo accounts (one of every role)
//! are made only when `IPL_DEMO` is not 0.

use insieme_rules::{AccessPoint, Role, Territory, Workflows};

use super::accounts::{self, NewAccount};
use crate::{Result, clock::Clock};

/// The password of every demo account (printed by `cargo xtask run`; never in production).
pub const DEMO_PASSWORD: &str = "insieme-demo-2026";

/// Every organisation: (id, name, joint analysis).
pub fn organisations() -> Vec<(String, String, bool)> {
    let workflows = Workflows::embedded();
    let territory = Territory::embedded();
    let family = |id: &str| {
        workflows.organisation_families.iter().find(|family| family.id == id).map(|family| family.name.clone())
    };
    let mut all: Vec<(String, String, bool)> = workflows
        .organisations
        .iter()
        .map(|organisation| (organisation.id.clone(), organisation.name.clone(), organisation.joint_analysis))
        .collect();
    if let Some(suap) = family("suap") {
        for distretto in &territory.distretti {
            all.push((format!("suap:{}", distretto.id), format!("{suap} – {}", distretto.name), false));
        }
    }
    if let Some(network) = family("rete") {
        for quartiere in &territory.quartieri {
            all.push((format!("rete:{}", quartiere.id), format!("{network} – Quartiere {}", quartiere.name), false));
        }
        for distretto in territory.distretti.iter().filter(|distretto| distretto.id != "bologna") {
            all.push((format!("rete:{}", distretto.id), format!("{network} – {}", distretto.name), false));
        }
    }
    all
}

pub async fn organisations_and_access_points(pool: &crate::db::Db) -> Result<()> {
    let mut tx = pool.begin().await?;
    for (id, name, joint_analysis) in organisations() {
        crate::on_tx!(tx => sqlx::query(
            "INSERT INTO organisations (id, name, joint_analysis) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
        )
        .bind(id)
        .bind(name)
        .bind(joint_analysis)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
    }
    for point in AccessPoint::all() {
        crate::on_tx!(tx => sqlx::query(
            "INSERT INTO access_points (id, name, comune, address) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&point.id)
        .bind(&point.name)
        .bind(&point.comune)
        .bind(&point.address)
        .execute(&mut **tx)
        .await.map(|done| done.rows_affected()))?;
    }
    tx.commit().await?;
    Ok(())
}

/// The authenticator secret of the demo accounts whose role requires one (administrator,
/// secretariat): published, like the demo password, so that anyone trying the demo can add it to
/// an authenticator app. Never used outside the demo.
pub const DEMO_TOTP_SECRET: &str = "NFXHG2LFNVSS2ZDFNVXS25DPORYC2MRW";

/// A demo account: e-mail, name, role, organisation, access point.
pub type DemoAccount = (&'static str, &'static str, Role, Option<&'static str>, Option<&'static str>);

/// The demo accounts.
pub const DEMO_ACCOUNTS: [DemoAccount; 8] = [
    ("admin@demo.insieme.test", "Alessandra Amministratrice", Role::Administrator, None, None),
    ("segreteria@demo.insieme.test", "Sergio Segreteria", Role::Secretariat, Some("segreteria"), None),
    // A second person of the secretariat, to hand applications over to.
    ("segreteria.due@demo.insieme.test", "Sara Segreteria", Role::Secretariat, Some("segreteria"), None),
    ("operatore@demo.insieme.test", "Olga Operatrice", Role::Operator, None, Some("insieme-per-il-lavoro")),
    (
        "cittametropolitana@demo.insieme.test",
        "Carlo Città metropolitana",
        Role::Reviewer,
        Some("citta_metropolitana"),
        None,
    ),
    ("suap.bologna@demo.insieme.test", "Silvia SUAP Bologna", Role::Reviewer, Some("suap:bologna"), None),
    ("rete.navile@demo.insieme.test", "Nadia Rete Navile", Role::Reviewer, Some("rete:navile"), None),
    (
        "fondazione@demo.insieme.test",
        "Filippo Fondazione San Petronio",
        Role::Reviewer,
        Some("fondazione_san_petronio"),
        None,
    ),
];

/// Makes the demo accounts that do not exist yet.
pub async fn demo_accounts(pool: &crate::db::Db, clock: &Clock) -> Result<()> {
    static HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    let hash = HASH.get_or_try_init(|| accounts::hash_password(DEMO_PASSWORD.to_owned())).await?;
    for (email, name, role, organisation, access_point) in DEMO_ACCOUNTS {
        if let Some(existing) = accounts::find_by_email(pool, email).await? {
            if super::second_factor::required_for(role) {
                super::second_factor::set_confirmed(pool, &existing.id, DEMO_TOTP_SECRET).await?;
            }
            continue;
        }
        let id = accounts::create_with_hash(
            pool,
            clock,
            NewAccount {
                email: email.to_owned(),
                name: name.to_owned(),
                role,
                organisation: organisation.map(str::to_owned),
                access_point: access_point.map(str::to_owned),
                password: DEMO_PASSWORD.to_owned(),
                demo: true,
            },
            hash.clone(),
            "system",
        )
        .await?;
        if super::second_factor::required_for(role) {
            super::second_factor::set_confirmed(pool, &id, DEMO_TOTP_SECRET).await?;
        }
    }
    Ok(())
}

/// Everything the back office needs before serving: organisations, access points, the search
/// keys of older applications, and (demo only) the demo accounts.
pub async fn at_start(pool: &crate::db::Db, clock: &Clock, demo: bool) -> Result<()> {
    organisations_and_access_points(pool).await?;
    let filled = crate::applications::keys::backfill(pool).await?;
    if filled > 0 {
        tracing::info!(filled, "search keys filled for applications stored before the back office");
    }
    if demo {
        demo_accounts(pool, clock).await?;
    }
    Ok(())
}
