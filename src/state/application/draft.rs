//! The application being filled, kept on the device until the server confirms it, and the
//! `Submission` built from it.

use std::collections::BTreeMap;

use insieme_api::{
    Availability, CommunityDetails, Consent, EnterpriseDetails, Person, Submission, YouthDetails, YouthProject,
};
use insieme_rules::{Answers, Instrument};
use serde::{Deserialize, Serialize};

use super::Form;

/// Whether the self-check answers on this device are the applicant's. On a phone passed around
/// a family or an access point's tablet they may be someone else's, so they are carried into
/// an application only when the person says so, or came from their own result (issue 11).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelfCheckUse {
    /// Not asked yet: nothing of the self-check is filled in or sent.
    #[default]
    Undecided,
    Use,
    Ignore,
}

/// The application being filled, kept on the device until the server confirms it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Made once, when the draft starts: the idempotency key of the submission.
    pub id: String,
    /// The language of the pages, followed until the first attempt to send.
    pub language: String,
    pub values: BTreeMap<String, String>,
    pub lists: BTreeMap<String, Vec<String>>,
    pub consent: Consent,
    #[serde(default)]
    pub self_check: SelfCheckUse,
    /// The self-check answers as the first attempt to send carried them, as saved-answers JSON
    /// (`Some(None)`: none), kept until the server answers, so that a retry after a lost answer
    /// sends the same bytes and is recognised as the same application, not refused as other
    /// content (issue 11). Text, not a JSON tree: reading a tree would bring serde_json's
    /// `Value` reader into the forms bundle (7 KB).
    #[serde(default)]
    pub sent_answers: Option<Option<String>>,
}

impl Draft {
    pub fn new(id: String) -> Self {
        Self { id, ..Self::default() }
    }

    /// The language for contacts: the one the person chose, else the page's, else Italian.
    pub fn preferred_language(&self) -> String {
        [self.value("language"), self.language.as_str()]
            .into_iter()
            .find(|code| !code.is_empty())
            .unwrap_or("it")
            .to_owned()
    }

    pub fn value(&self, path: &str) -> &str {
        self.values.get(path).map_or("", String::as_str)
    }

    pub fn list(&self, path: &str) -> &[String] {
        self.lists.get(path).map_or(&[], Vec::as_slice)
    }

    pub fn set(&mut self, path: &str, value: String) {
        self.values.insert(path.to_owned(), value);
    }

    pub fn toggle(&mut self, path: &str, code: &str, on: bool) {
        let list = self.lists.entry(path.to_owned()).or_default();
        list.retain(|existing| existing != code);
        if on {
            list.push(code.to_owned());
            list.sort();
        }
    }

    /// Whether a first attempt to send fixed the language and the self-check answers.
    pub fn is_frozen(&self) -> bool {
        self.sent_answers.is_some()
    }

    /// Fixes the self-check answers (and with them the page's language) at the first attempt to
    /// send; later attempts send them unchanged until the server answers.
    pub fn freeze(&mut self, form: Form, answers: Option<&Answers>) {
        if self.sent_answers.is_none() {
            let theirs = self.theirs(form, answers);
            self.sent_answers = Some(theirs.and_then(|answers| serde_json::to_string(answers).ok()));
        }
    }

    /// After the server refused the application (so it stored nothing): the next attempt is
    /// built afresh.
    pub fn thaw(&mut self) {
        self.sent_answers = None;
    }

    /// Fills what the self-check already knows, without overwriting anything typed.
    pub fn prefill_from(&mut self, answers: &Answers) {
        let known = [
            ("person.birth_date", answers.profile.birth_date.map(|date| date.to_string())),
            ("person.comune", answers.profile.comune.clone()),
            ("person.quartiere", answers.profile.quartiere.clone()),
        ];
        for (path, value) in known {
            if let Some(value) = value
                && self.value(path).is_empty()
            {
                self.set(path, value);
            }
        }
    }

    /// The submission for `channel`, with the self-check answers when the channel uses them;
    /// sensitive items go only with the explicit consent.
    pub fn submission(&self, form: Form, answers: Option<&Answers>, instrument: &Instrument) -> Submission {
        let value = |path: &str| self.value(path).to_owned();
        let channel = form.channel();
        let person = matches!(form, Form::Fragility | Form::Youth | Form::Enterprise).then(|| Person {
            given_name: value("person.given_name"),
            family_name: value("person.family_name"),
            codice_fiscale: value("person.codice_fiscale"),
            birth_date: value("person.birth_date"),
            comune: value("person.comune"),
            quartiere: value("person.quartiere"),
            phone: value("person.phone"),
            email: value("person.email"),
            access_point: value("person.access_point"),
            availability: self
                .list("person.availability")
                .iter()
                .filter_map(|code| serde_json::from_value::<Availability>(code.as_str().into()).ok())
                .collect(),
        });
        let frozen = self
            .sent_answers
            .as_ref()
            .map(|sent| sent.as_deref().and_then(|text| Answers::from_saved_json(text, instrument)));
        let answers = match &frozen {
            Some(frozen) => frozen.as_ref(),
            None => self.theirs(form, answers),
        }
        .map(|answers| self.answers_to_send(answers, instrument));
        Submission {
            id: self.id.clone(),
            channel: Some(channel),
            language: self.preferred_language(),
            person,
            answers,
            youth_project: (form == Form::YouthProject).then(|| YouthProject {
                call_id: value("youth_project.call_id"),
                organisation: value("youth_project.organisation"),
                partners: value("youth_project.partners"),
                field: value("youth_project.field"),
                description: value("youth_project.description"),
                budget: value("youth_project.budget"),
                contact_given_name: value("youth_project.contact_given_name"),
                contact_family_name: value("youth_project.contact_family_name"),
                contact_phone: value("youth_project.contact_phone"),
                contact_email: value("youth_project.contact_email"),
            }),
            youth: (form == Form::Youth).then(|| YouthDetails {
                call_id: value("youth.call_id"),
                school: value("youth.school"),
                left_school_year: value("youth.left_school_year"),
                situation: value("youth.situation"),
                motivation: value("youth.motivation"),
            }),
            enterprise: (form == Form::Enterprise).then(|| EnterpriseDetails {
                proponents: value("enterprise.proponents"),
                business_comune: value("enterprise.business_comune"),
                sector: value("enterprise.sector"),
                stage: value("enterprise.stage"),
                description: value("enterprise.description"),
                market: value("enterprise.market"),
                team_skills: value("enterprise.team_skills"),
                investment_needed: value("enterprise.investment_needed"),
                own_funds: value("enterprise.own_funds"),
                support: self.list("enterprise.support").to_vec(),
            }),
            community: (form == Form::Community).then(|| CommunityDetails {
                organisation: value("community.organisation"),
                organisation_type: value("community.organisation_type"),
                area: value("community.area"),
                tasks: value("community.tasks"),
                hours_per_week: value("community.hours_per_week"),
                starts_on: value("community.starts_on"),
                ends_on: value("community.ends_on"),
                places: value("community.places"),
                contact_given_name: value("community.contact_given_name"),
                contact_family_name: value("community.contact_family_name"),
                contact_phone: value("community.contact_phone"),
                contact_email: value("community.contact_email"),
            }),
            consent: self.consent,
        }
    }

    /// The self-check answers this application carries: only for a channel that uses them, and
    /// only when the person said they are theirs.
    fn theirs<'a>(&self, form: Form, answers: Option<&'a Answers>) -> Option<&'a Answers> {
        answers.filter(|_| form.uses_self_check() && self.self_check == SelfCheckUse::Use)
    }

    /// The self-check answers as sent: the fragility items and the profile flags (birth date and
    /// comune come from the person's own page), without sensitive items unless consented.
    fn answers_to_send(&self, answers: &Answers, instrument: &Instrument) -> serde_json::Value {
        let mut answers = answers.clone();
        answers.assessed_on = None;
        answers.profile.birth_date = None;
        answers.profile.comune = None;
        answers.profile.quartiere = None;
        if !self.consent.sensitive_data {
            answers.fragility.retain(|id, _| !instrument.item(id).is_some_and(|item| item.sensitive));
        }
        serde_json::to_value(&answers).unwrap_or_default()
    }
}

/// How many sensitive items the self-check answered (the consent step says what they are).
pub fn sensitive_answered(answers: Option<&Answers>, instrument: &Instrument) -> usize {
    answers.map_or(0, |answers| {
        answers.fragility.keys().filter(|id| instrument.item(id).is_some_and(|item| item.sensitive)).count()
    })
}
