//! An application as the person fills it: a draft kept on the device, the pages of each
//! channel's form (data, not code per page), and the `Submission` built from it. Each page is
//! checked with `insieme_validation::check_submission`, the same function the server runs, so
//! the person meets the server's verdict before sending.

mod draft;
mod forms;
mod problems;

pub use draft::{Draft, SelfCheckUse, sensitive_answered};
pub use forms::{Field, Form, Kind, Page, element_id, is_asked};
pub use problems::{page_of, problem_keys, problems, problems_in_form_order, problems_on_page};

#[cfg(test)]
mod tests {
    use insieme_rules::{Answers, Date, Instrument};
    use insieme_validation::{FieldProblem, Problem};

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
        let mut draft = filled_fragility();
        draft.self_check = SelfCheckUse::Use;
        let found = problems(&draft, Form::Fragility, Some(&answers), today(), &[]);
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
        draft.self_check = SelfCheckUse::Use;
        let without = draft.submission(Form::Fragility, Some(&answers), instrument);
        assert_eq!(without.answers.as_ref().map(|a| a["fragility"].as_object().map(|o| o.len())), Some(Some(1)));
        draft.consent.sensitive_data = true;
        let with = draft.submission(Form::Fragility, Some(&answers), instrument);
        assert_eq!(with.answers.as_ref().map(|a| a["fragility"]["physical"].clone()), Some(2.into()));
        assert_eq!(sensitive_answered(Some(&answers), instrument), 1);
    }

    #[test]
    fn a_self_check_on_the_device_goes_only_when_the_person_says_it_is_theirs() {
        let instrument = Instrument::fragility();
        let answers = answers(r#"{"fragility":{"income":3}}"#);
        let mut draft = filled_fragility();
        assert_eq!(draft.submission(Form::Fragility, Some(&answers), instrument).answers, None, "not asked yet");
        draft.self_check = SelfCheckUse::Ignore;
        assert_eq!(draft.submission(Form::Fragility, Some(&answers), instrument).answers, None);
        let found = problems(&draft, Form::Fragility, Some(&answers), today(), &[]);
        assert!(found.iter().any(|problem| problem.field == "answers"), "channel 2 then needs their own: {found:?}");
        draft.self_check = SelfCheckUse::Use;
        assert!(draft.submission(Form::Fragility, Some(&answers), instrument).answers.is_some());
    }

    #[test]
    fn a_retry_sends_what_the_first_attempt_sent_whatever_the_device_holds_since() {
        let instrument = Instrument::fragility();
        let mut draft = filled_fragility();
        draft.self_check = SelfCheckUse::Use;
        draft.language = "ar".to_owned();
        let first_answers = answers(r#"{"fragility":{"income":3}}"#);
        draft.freeze(Form::Fragility, Some(&first_answers));
        let first = serde_json::to_string(&draft.submission(Form::Fragility, Some(&first_answers), instrument));
        // Someone else's self-check on the same phone, before the retry.
        let other_answers = answers(r#"{"fragility":{"income":0,"debt":2}}"#);
        draft.freeze(Form::Fragility, Some(&other_answers));
        let retry = serde_json::to_string(&draft.submission(Form::Fragility, Some(&other_answers), instrument));
        assert_eq!(first.expect("json"), retry.expect("json"), "byte-identical");
        let stored: Draft = serde_json::from_str(&serde_json::to_string(&draft).expect("json")).expect("read back");
        assert!(stored.is_frozen(), "the frozen answers are kept on the device with the draft");
        draft.thaw();
        let rebuilt = draft.submission(Form::Fragility, Some(&other_answers), instrument);
        assert_eq!(rebuilt.answers.map(|answers| answers["fragility"]["debt"].clone()), Some(2.into()));
    }

    #[test]
    fn a_draft_saved_before_the_new_fields_still_opens() {
        let older = r#"{"id":"x","language":"it","values":{"person.given_name":"Mario"},"lists":{},
            "consent":{"privacy_notice":false,"sensitive_data":false}}"#;
        let draft: Draft = serde_json::from_str(older).expect("an older draft reads");
        assert_eq!(draft.value("person.given_name"), "Mario");
        assert_eq!(draft.self_check, SelfCheckUse::Undecided);
        assert!(!draft.is_frozen());
    }

    #[test]
    fn a_contact_persons_phone_is_worded_like_the_persons() {
        let problem = FieldProblem { field: "community.contact_phone".to_owned(), problem: Problem::Format };
        assert_eq!(
            problem_keys(&problem),
            ["problems.person.phone.format", "problems.write.format", "problems.format"].map(str::to_owned)
        );
        let chosen = FieldProblem { field: "community.organisation_type".to_owned(), problem: Problem::Missing };
        assert_eq!(problem_keys(&chosen)[1], "problems.choose.missing", "a choice says to choose");
        let listed = FieldProblem { field: "enterprise.support[1]".to_owned(), problem: Problem::UnknownChoice };
        assert_eq!(problem_keys(&listed)[0], "problems.enterprise.support.unknown_choice");
    }

    #[test]
    fn a_field_owns_its_path_and_its_list_items_only() {
        let support = Form::Enterprise.pages()[5].fields[2];
        assert_eq!(support.path, "enterprise.support");
        assert!(support.owns("enterprise.support") && support.owns("enterprise.support[1]"));
        assert!(!support.owns("enterprise.supporters") && !support.owns("enterprise"));
    }

    #[test]
    fn the_quartiere_is_asked_only_for_bologna() {
        let mut draft = filled_fragility();
        let quartiere = Form::Fragility.pages()[1].fields[1];
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
