//! An application as the person fills it: a draft kept on the device, the pages of each
//! channel's form (data, not code per page), and the `Submission` built from it. Each page is
//! checked with `insieme_validation::check_submission`, the same function the server runs, so
//! the person meets the server's verdict before sending.

use std::collections::BTreeMap;

use insieme_api::{
    Availability, Channel, CommunityDetails, Consent, EnterpriseDetails, Person, Submission, YouthDetails,
    YouthProject,
    application::{
        ENTERPRISE_SECTORS, ENTERPRISE_STAGES, ENTERPRISE_SUPPORT, ORGANISATION_TYPES, YOUTH_PROJECT_FIELDS,
        YOUTH_SITUATIONS,
    },
};
use insieme_rules::{Answers, Date, Instrument};
use insieme_validation::{Context, FieldProblem, OpenCall, check_submission};
use serde::{Deserialize, Serialize};

/// What kind of input a field is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text {
        autocomplete: &'static str,
    },
    LongText,
    Date,
    Phone,
    Email,
    /// Whole number typed as text (`inputmode=numeric`).
    Number,
    Comune,
    Quartiere,
    AccessPoint,
    /// An open call for young people (`for_organisations` false) or for projects.
    Call {
        for_organisations: bool,
    },
    CommunityArea,
    /// One of the codes, shown as radio buttons; labels at `options.<set>.<code>`.
    OneOf {
        set: &'static str,
        codes: &'static [&'static str],
    },
    /// Any of the codes, shown as checkboxes.
    AnyOf {
        set: &'static str,
        codes: &'static [&'static str],
    },
}

/// One question: its path in the submission (also its label key and element id) and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub path: &'static str,
    pub kind: Kind,
    pub optional: bool,
}

impl Field {
    const fn new(path: &'static str, kind: Kind) -> Self {
        Self { path, kind, optional: false }
    }

    const fn optional(path: &'static str, kind: Kind) -> Self {
        Self { path, kind, optional: true }
    }

    /// The element id: `field-person-given_name`.
    pub fn element_id(&self) -> String {
        element_id(self.path)
    }

    /// `fields.person.given_name`, where its label and hint are.
    pub fn text_key(&self) -> String {
        format!("fields.{}", self.path)
    }
}

pub fn element_id(path: &str) -> String {
    format!("field-{}", path.replace(['.', '[', ']'], "-").trim_end_matches('-'))
}

/// One page of a form: a question or a small group that belongs together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub slug: &'static str,
    pub fields: &'static [Field],
}

const AVAILABILITY: &[&str] = &["morning", "afternoon", "evening"];

const IDENTITY: Page = Page {
    slug: "persona",
    fields: &[
        Field::new("person.given_name", Kind::Text { autocomplete: "given-name" }),
        Field::new("person.family_name", Kind::Text { autocomplete: "family-name" }),
        Field::new("person.codice_fiscale", Kind::Text { autocomplete: "off" }),
        Field::new("person.birth_date", Kind::Date),
    ],
};
const HOME: Page = Page {
    slug: "domicilio",
    fields: &[Field::new("person.comune", Kind::Comune), Field::new("person.quartiere", Kind::Quartiere)],
};
const CONTACT: Page = Page {
    slug: "recapiti",
    fields: &[Field::optional("person.phone", Kind::Phone), Field::optional("person.email", Kind::Email)],
};
const INTERVIEW: Page = Page {
    slug: "colloquio",
    fields: &[
        Field::optional("person.access_point", Kind::AccessPoint),
        Field::optional("person.availability", Kind::AnyOf { set: "availability", codes: AVAILABILITY }),
    ],
};

const FRAGILITY_PAGES: &[Page] = &[IDENTITY, HOME, CONTACT, INTERVIEW];
const YOUTH_PAGES: &[Page] = &[
    Page { slug: "avviso", fields: &[Field::new("youth.call_id", Kind::Call { for_organisations: false })] },
    IDENTITY,
    HOME,
    CONTACT,
    Page {
        slug: "scuola",
        fields: &[
            Field::new("youth.school", Kind::Text { autocomplete: "off" }),
            Field::new("youth.left_school_year", Kind::Number),
            Field::new("youth.situation", Kind::OneOf { set: "situation", codes: &YOUTH_SITUATIONS }),
        ],
    },
    Page { slug: "motivazione", fields: &[Field::new("youth.motivation", Kind::LongText)] },
    INTERVIEW,
];
const ENTERPRISE_PAGES: &[Page] = &[
    IDENTITY,
    HOME,
    CONTACT,
    Page {
        slug: "idea",
        fields: &[
            Field::new("enterprise.business_comune", Kind::Comune),
            Field::new("enterprise.sector", Kind::OneOf { set: "sector", codes: &ENTERPRISE_SECTORS }),
            Field::new("enterprise.stage", Kind::OneOf { set: "stage", codes: &ENTERPRISE_STAGES }),
            Field::optional("enterprise.proponents", Kind::Text { autocomplete: "off" }),
        ],
    },
    Page {
        slug: "progetto",
        fields: &[
            Field::new("enterprise.description", Kind::LongText),
            Field::new("enterprise.market", Kind::LongText),
            Field::new("enterprise.team_skills", Kind::LongText),
        ],
    },
    Page {
        slug: "risorse",
        fields: &[
            Field::new("enterprise.investment_needed", Kind::Number),
            Field::new("enterprise.own_funds", Kind::Number),
            Field::optional("enterprise.support", Kind::AnyOf { set: "support", codes: &ENTERPRISE_SUPPORT }),
        ],
    },
];
const COMMUNITY_PAGES: &[Page] = &[
    Page {
        slug: "organizzazione",
        fields: &[
            Field::new("community.organisation", Kind::Text { autocomplete: "organization" }),
            Field::new(
                "community.organisation_type",
                Kind::OneOf { set: "organisation_type", codes: &ORGANISATION_TYPES },
            ),
            Field::new("community.area", Kind::CommunityArea),
        ],
    },
    Page {
        slug: "opportunita",
        fields: &[
            Field::new("community.tasks", Kind::LongText),
            Field::new("community.hours_per_week", Kind::Number),
            Field::new("community.places", Kind::Number),
            Field::new("community.starts_on", Kind::Date),
            Field::new("community.ends_on", Kind::Date),
        ],
    },
    Page {
        slug: "referente",
        fields: &[
            Field::new("community.contact_given_name", Kind::Text { autocomplete: "given-name" }),
            Field::new("community.contact_family_name", Kind::Text { autocomplete: "family-name" }),
            Field::optional("community.contact_phone", Kind::Phone),
            Field::optional("community.contact_email", Kind::Email),
        ],
    },
];

const YOUTH_PROJECT_PAGES: &[Page] = &[
    Page { slug: "avviso", fields: &[Field::new("youth_project.call_id", Kind::Call { for_organisations: true })] },
    Page {
        slug: "organizzazione",
        fields: &[
            Field::new("youth_project.organisation", Kind::Text { autocomplete: "organization" }),
            Field::new("youth_project.partners", Kind::LongText),
            Field::new("youth_project.field", Kind::OneOf { set: "project_field", codes: &YOUTH_PROJECT_FIELDS }),
        ],
    },
    Page {
        slug: "progetto",
        fields: &[
            Field::new("youth_project.description", Kind::LongText),
            Field::new("youth_project.budget", Kind::Number),
        ],
    },
    Page {
        slug: "referente",
        fields: &[
            Field::new("youth_project.contact_given_name", Kind::Text { autocomplete: "given-name" }),
            Field::new("youth_project.contact_family_name", Kind::Text { autocomplete: "family-name" }),
            Field::optional("youth_project.contact_phone", Kind::Phone),
            Field::optional("youth_project.contact_email", Kind::Email),
        ],
    },
];

/// The forms a person or an organisation can fill: one per channel, and channel 3 twice (a
/// young person answering a call, an organisation proposing a project).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Community,
    Fragility,
    Youth,
    YouthProject,
    Enterprise,
}

impl Form {
    pub const ALL: [Form; 5] = [Form::Community, Form::Fragility, Form::Youth, Form::YouthProject, Form::Enterprise];

    pub fn channel(self) -> Channel {
        match self {
            Self::Community => Channel::Community,
            Self::Fragility => Channel::Fragility,
            Self::Youth | Self::YouthProject => Channel::Youth,
            Self::Enterprise => Channel::Enterprise,
        }
    }

    /// The code naming its texts (`apply.channels.<code>.title`).
    pub fn code(self) -> &'static str {
        match self {
            Self::YouthProject => "youth_project",
            other => other.channel().code(),
        }
    }

    /// The URL segment: `/domanda/<slug>/...`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Community => "comunita",
            Self::Fragility => "fragilita",
            Self::Youth => "giovani",
            Self::YouthProject => "progetto-giovani",
            Self::Enterprise => "impresa",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|form| form.slug() == slug)
    }

    /// Whether the application carries the self-check answers.
    pub fn uses_self_check(self) -> bool {
        matches!(self, Self::Fragility | Self::Youth)
    }

    /// The question pages, in order (then check answers, consent, send).
    pub fn pages(self) -> &'static [Page] {
        match self {
            Self::Fragility => FRAGILITY_PAGES,
            Self::Youth => YOUTH_PAGES,
            Self::YouthProject => YOUTH_PROJECT_PAGES,
            Self::Enterprise => ENTERPRISE_PAGES,
            Self::Community => COMMUNITY_PAGES,
        }
    }
}

/// Whether a field is asked at all given the answers so far (the Quartiere only for Bologna).
pub fn is_asked(field: &Field, draft: &Draft) -> bool {
    match field.kind {
        Kind::Quartiere => insieme_rules::Territory::embedded().lookup_comune(draft.value("person.comune")).eq(
            &insieme_rules::ComuneLookup::Found { comune: "Bologna".to_owned(), distretto_id: "bologna".to_owned() },
        ),
        _ => true,
    }
}

/// The application being filled, kept on the device until the server confirms it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Made once, when the draft starts: the idempotency key of the submission.
    pub id: String,
    pub language: String,
    pub values: BTreeMap<String, String>,
    pub lists: BTreeMap<String, Vec<String>>,
    pub consent: Consent,
}

impl Draft {
    pub fn new(id: String) -> Self {
        Self { id, ..Self::default() }
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
        let answers = if form.uses_self_check() {
            answers.map(|answers| self.answers_to_send(answers, instrument))
        } else {
            None
        };
        Submission {
            id: self.id.clone(),
            channel: Some(channel),
            language: if self.language.is_empty() { "it".to_owned() } else { self.language.clone() },
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
            enterprise: (channel == Channel::Enterprise).then(|| EnterpriseDetails {
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
            community: (channel == Channel::Community).then(|| CommunityDetails {
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

/// Every problem the shared checks find in the draft.
pub fn problems(
    draft: &Draft,
    form: Form,
    answers: Option<&Answers>,
    today: Date,
    open_calls: &[OpenCall],
) -> Vec<FieldProblem> {
    let instrument = Instrument::fragility();
    let context = Context { today, open_calls, instrument };
    check_submission(&draft.submission(form, answers, instrument), &context).err().unwrap_or_default()
}

/// The problems that belong to the fields of `page` (a page is checked before moving on), in
/// the order of its fields, so that the error summary reads like the form.
pub fn problems_on_page(problems: &[FieldProblem], page: &Page, draft: &Draft) -> Vec<FieldProblem> {
    let position = |problem: &FieldProblem| {
        page.fields.iter().position(|field| {
            is_asked(field, draft)
                && (problem.field == field.path || problem.field.starts_with(&format!("{}[", field.path)))
        })
    };
    let mut found: Vec<(usize, FieldProblem)> =
        problems.iter().filter_map(|problem| position(problem).map(|index| (index, problem.clone()))).collect();
    found.sort_by_key(|(index, _)| *index);
    found.into_iter().map(|(_, problem)| problem).collect()
}

/// Every problem in the order of the form's pages and fields (those of no page last).
pub fn problems_in_form_order(problems: Vec<FieldProblem>, form: Form) -> Vec<FieldProblem> {
    let order = |path: &str| {
        form.pages()
            .iter()
            .flat_map(|page| page.fields.iter())
            .position(|field| path == field.path || path.starts_with(&format!("{}[", field.path)))
            .unwrap_or(usize::MAX)
    };
    let mut problems = problems;
    problems.sort_by_key(|problem| order(&problem.field));
    problems
}

/// The page that holds a field, for the Change links and for problems found at the end.
pub fn page_of(form: Form, path: &str) -> Option<&'static Page> {
    form.pages().iter().find(|page| page.fields.iter().any(|field| path.starts_with(field.path)))
}

/// The message key of a problem on a field: a specific one when the locale has it
/// (`problems.person.codice_fiscale.check_character`), else the general one.
pub fn problem_keys(problem: &FieldProblem) -> [String; 2] {
    let field = problem.field.split('[').next().unwrap_or_default();
    // Fields of the same kind share their wording: every phone is written like the person's.
    let name = field.rsplit('.').next().unwrap_or_default();
    let field = match name {
        "contact_phone" => "person.phone",
        "contact_email" => "person.email",
        _ => field,
    };
    [format!("problems.{field}.{}", problem.problem.code()), format!("problems.{}", problem.problem.code())]
}

#[cfg(test)]
mod tests {
    use insieme_validation::Problem;

    use super::*;

    fn today() -> Date {
        "2026-11-25".parse().expect("date")
    }

    fn filled_fragility() -> Draft {
        let mut draft = Draft::new("0b6f1f0e-1111-4222-8333-944445555666".to_owned());
        for (path, value) in [
            ("person.given_name", "Mario"),
            ("person.family_name", "Rossi"),
            ("person.codice_fiscale", "rssmra85t10a562s"),
            ("person.birth_date", "1985-12-10"),
            ("person.comune", "bologna"),
            ("person.quartiere", "navile"),
            ("person.phone", "333 1234567"),
        ] {
            draft.set(path, value.to_owned());
        }
        draft.consent.privacy_notice = true;
        draft
    }

    fn answers(json: &str) -> Answers {
        Answers::from_json(json, Instrument::fragility()).expect("answers")
    }

    #[test]
    fn a_filled_fragility_draft_passes_the_servers_checks() {
        let answers = answers(r#"{"fragility":{"income":3,"debt":1}}"#);
        let found = problems(&filled_fragility(), Form::Fragility, Some(&answers), today(), &[]);
        assert_eq!(found, vec![]);
    }

    #[test]
    fn a_page_shows_only_its_own_problems() {
        let mut draft = filled_fragility();
        draft.set("person.codice_fiscale", "RSSMRA85T10A562T".to_owned());
        draft.set("person.phone", String::new());
        let found = problems(&draft, Form::Fragility, Some(&answers("{}")), today(), &[]);
        let identity = problems_on_page(&found, &Form::Fragility.pages()[0], &draft);
        assert_eq!(identity.len(), 1);
        draft.set("person.given_name", String::new());
        draft.set("person.birth_date", String::new());
        let found = problems(&draft, Form::Fragility, Some(&answers("{}")), today(), &[]);
        let order: Vec<String> = problems_on_page(&found, &Form::Fragility.pages()[0], &draft)
            .into_iter()
            .map(|problem| problem.field)
            .collect();
        assert_eq!(order, ["person.given_name", "person.codice_fiscale", "person.birth_date"], "the form's order");
        assert_eq!(identity[0].field, "person.codice_fiscale");
        assert_eq!(identity[0].problem, Problem::CheckCharacter);
        let contact = problems_on_page(&found, &Form::Fragility.pages()[2], &draft);
        assert_eq!(contact[0].problem, Problem::ContactNeeded);
    }

    #[test]
    fn sensitive_items_travel_only_with_consent() {
        let instrument = Instrument::fragility();
        let answers = answers(r#"{"fragility":{"income":3,"physical":2}}"#);
        let mut draft = filled_fragility();
        let without = draft.submission(Form::Fragility, Some(&answers), instrument);
        assert_eq!(without.answers.as_ref().map(|a| a["fragility"].as_object().map(|o| o.len())), Some(Some(1)));
        draft.consent.sensitive_data = true;
        let with = draft.submission(Form::Fragility, Some(&answers), instrument);
        assert_eq!(with.answers.as_ref().map(|a| a["fragility"]["physical"].clone()), Some(2.into()));
        assert_eq!(sensitive_answered(Some(&answers), instrument), 1);
    }

    #[test]
    fn a_contact_persons_phone_is_worded_like_the_persons() {
        let problem = FieldProblem { field: "community.contact_phone".to_owned(), problem: Problem::Format };
        assert_eq!(problem_keys(&problem), ["problems.person.phone.format".to_owned(), "problems.format".to_owned()]);
        let listed = FieldProblem { field: "enterprise.support[1]".to_owned(), problem: Problem::UnknownChoice };
        assert_eq!(problem_keys(&listed)[0], "problems.enterprise.support.unknown_choice");
    }

    #[test]
    fn the_quartiere_is_asked_only_for_bologna() {
        let mut draft = filled_fragility();
        let quartiere = HOME.fields[1];
        assert!(is_asked(&quartiere, &draft));
        draft.set("person.comune", "Imola".to_owned());
        assert!(!is_asked(&quartiere, &draft));
    }

    #[test]
    fn the_self_check_prefills_without_overwriting() {
        let mut draft = Draft::new("id".to_owned());
        draft.set("person.comune", "Imola".to_owned());
        draft.prefill_from(&answers(r#"{"profile":{"birth_date":"1990-05-01","comune":"Bologna"}}"#));
        assert_eq!(draft.value("person.birth_date"), "1990-05-01");
        assert_eq!(draft.value("person.comune"), "Imola");
    }

    #[test]
    fn every_channel_has_pages_and_every_field_a_page() {
        for form in Form::ALL {
            assert!(!form.pages().is_empty());
            assert_eq!(Form::from_slug(form.slug()), Some(form));
            for page in form.pages() {
                for field in page.fields {
                    assert_eq!(page_of(form, field.path).map(|page| page.slug), Some(page.slug), "{}", field.path);
                }
            }
        }
        assert_eq!(element_id("enterprise.support[0]"), "field-enterprise-support-0");
    }
}
