//! The forms as data: what kind of input each question is, the pages of each form, and the five
//! forms (one per channel, channel 3 twice).

use insieme_api::{
    Channel,
    application::{
        ENTERPRISE_SECTORS, ENTERPRISE_STAGES, ENTERPRISE_SUPPORT, ORGANISATION_TYPES, YOUTH_PROJECT_FIELDS,
        YOUTH_SITUATIONS,
    },
};

use super::Draft;

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
    /// The language for contacts: one of the site's languages, by its own name.
    Language,
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

    /// Whether a problem at `path` belongs to this field (`enterprise.support[1]` belongs to
    /// `enterprise.support`).
    pub fn owns(&self, path: &str) -> bool {
        path.strip_prefix(self.path).is_some_and(|rest| rest.is_empty() || rest.starts_with('['))
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
    fields: &[
        Field::optional("person.phone", Kind::Phone),
        Field::optional("person.email", Kind::Email),
        // Spec §4: the preferred language; the page's language unless the person picks another.
        Field::optional("language", Kind::Language),
    ],
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
