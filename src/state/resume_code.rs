//! The resume code: the self-check's answers packed into 25 letters and digits that a person
//! can copy by hand onto another device (issue 14), instead of a thousand characters of readable
//! text. Nothing travels to the server: the code is the answers.
//!
//! Written in Crockford's base 32 (no I, L, O or U: read back as 1, 1, 0; any case), in groups
//! of five: a version letter; seven characters for the profile, a mixed-radix number of the
//! intent, four yes/no/unanswered questions, the comune's place among the 55, the Quartiere and
//! the birth date in days; one character for each pair of instrument items (unanswered or a
//! level 0 to 3: 5 x 5 = 25 values); two check characters. The check is a weighted sum modulo
//! a prime, seeded by the instrument's id and version: it catches every single wrong character
//! and every swap of two neighbours, and a code made for another instrument version is refused
//! rather than misread. Only 64-bit arithmetic: no big-number code in the browser.
//!
//! A comune outside the territory is not carried (such a result has nothing to resume), nor is
//! the day of the assessment (the new device assesses on its own day).

use insieme_rules::{Date, Instrument, Level, Territory};

use crate::state::self_check::{Intent, SelfCheck};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const VERSION: u8 = b'1';
const CHECK_MODULUS: u32 = 1021;
/// Characters between the dashes that make the code easy to read out and type.
const GROUP: usize = 5;
/// Birth dates are days since 1900-01-01, plus one (zero is "not given"): up to 2079.
const BIRTH_DAYS: u64 = 1 << 16;
const DAYS_FROM_1900_TO_1970: i64 = 25_567;
/// The characters of the profile: 35 bits, for intent (3) x four answers (3 each) x comune
/// (56) x Quartiere (7) x birth date (65,536), about 6.2 billion values.
const PROFILE_DIGITS: usize = 7;
/// An item's digit: unanswered, or a level 0..=3.
const ITEM_VALUES: u8 = Level::MAX + 2;

/// The code for these answers, in groups (`1K3F7-Q2M9A-...`).
pub fn encode(check: &SelfCheck, instrument: &Instrument) -> String {
    let mut profile = profile_number(check);
    let mut digits = vec![0u8; PROFILE_DIGITS];
    for digit in digits.iter_mut().rev() {
        *digit = (profile % 32) as u8;
        profile /= 32;
    }
    let items: Vec<u8> = instrument
        .items
        .iter()
        .map(|item| check.answers.fragility.get(&item.id).map_or(0, |level| level.points() + 1))
        .collect();
    digits.extend(items.chunks(2).map(|pair| pair[0] * ITEM_VALUES + pair.get(1).copied().unwrap_or(0)));
    let check_value = checksum(&digits, instrument);
    digits.extend([(check_value / 32) as u8, (check_value % 32) as u8]);
    let letters: Vec<u8> =
        std::iter::once(VERSION).chain(digits.iter().map(|digit| ALPHABET[usize::from(*digit)])).collect();
    let groups: Vec<&str> = letters.chunks(GROUP).map(|group| std::str::from_utf8(group).unwrap_or_default()).collect();
    groups.join("-")
}

/// The answers in a code as typed: any case, with or without dashes and spaces; `None` when it
/// is not a code of this version and instrument, or a character is wrong. The long codes of
/// before 2026-11-30 (`IPL1-` and the draft in base64) are not read: the code for them was
/// 1.3 KB of the self-check's first load, and their answers are still on the device that made
/// them.
pub fn decode(typed: &str, instrument: &Instrument) -> Option<SelfCheck> {
    let letters = typed.chars().filter(|letter| !letter.is_whitespace() && *letter != '-');
    let all: Vec<u8> = letters.map(digit_of).collect::<Option<_>>()?;
    let (version, digits) = all.split_first()?;
    let item_digits = instrument.items.len().div_ceil(2);
    if Some(*version) != digit_of(char::from(VERSION)) || digits.len() != PROFILE_DIGITS + item_digits + 2 {
        return None;
    }
    let (data, check) = digits.split_at(PROFILE_DIGITS + item_digits);
    if u32::from(check[0]) * 32 + u32::from(check[1]) != checksum(data, instrument) {
        return None;
    }
    let (profile, pairs) = data.split_at(PROFILE_DIGITS);
    let mut check = check_from_profile(profile.iter().fold(0u64, |number, digit| number * 32 + u64::from(*digit)))?;
    let mut levels = Vec::with_capacity(item_digits * 2);
    for pair in pairs {
        if *pair >= ITEM_VALUES * ITEM_VALUES {
            return None;
        }
        levels.extend([pair / ITEM_VALUES, pair % ITEM_VALUES]);
    }
    for (item, value) in instrument.items.iter().zip(levels) {
        if let Some(level) = value.checked_sub(1).and_then(Level::new) {
            check.answers.fragility.insert(item.id.clone(), level);
        }
    }
    Some(check)
}

/// Whether a text is shaped like a resume code (the QR page shows only such a text).
pub fn looks_like_a_code(text: &str) -> bool {
    (10..=2_000).contains(&text.len()) && text.chars().all(|letter| letter.is_ascii_alphanumeric() || letter == '-')
}

fn digit_of(letter: char) -> Option<u8> {
    let letter = match letter.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    ALPHABET.iter().position(|candidate| char::from(*candidate) == letter).map(|index| index as u8)
}

fn checksum(digits: &[u8], instrument: &Instrument) -> u32 {
    let seed = instrument
        .id
        .bytes()
        .chain(instrument.version.bytes())
        .fold(0u32, |sum, byte| (sum * 31 + u32::from(byte)) % CHECK_MODULUS);
    digits.iter().zip(1u32..).fold(seed, |sum, (digit, weight)| (sum + weight * u32::from(*digit)) % CHECK_MODULUS)
}

/// The radixes of the profile's number, most significant first.
fn profile_radixes() -> [u64; 8] {
    let territory = Territory::embedded();
    [3, 3, 3, 3, 3, territory.comuni().count() as u64 + 1, territory.quartieri.len() as u64 + 1, BIRTH_DAYS]
}

fn profile_number(check: &SelfCheck) -> u64 {
    let territory = Territory::embedded();
    let profile = &check.answers.profile;
    let flag = |answer: Option<bool>| match answer {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    };
    let intent = match check.intent {
        None => 0,
        Some(Intent::Everything) => 1,
        Some(Intent::EnterpriseOnly) => 2,
    };
    let comune = profile
        .comune
        .as_deref()
        .and_then(|name| match territory.lookup_comune(name) {
            insieme_rules::ComuneLookup::Found { comune, .. } => {
                territory.comuni().position(|(official, _)| official == comune)
            }
            insieme_rules::ComuneLookup::NotInTerritory { .. } => None,
        })
        .map_or(0, |index| index as u64 + 1);
    let quartiere = profile
        .quartiere
        .as_deref()
        .and_then(|id| territory.quartieri.iter().position(|quartiere| quartiere.id == id))
        .map_or(0, |index| index as u64 + 1);
    let birth = profile
        .birth_date
        .map(|date| date.days_since_unix_epoch() + DAYS_FROM_1900_TO_1970 + 1)
        .filter(|days| (1..BIRTH_DAYS as i64).contains(days))
        .map_or(0, |days| days as u64);
    let values = [
        intent,
        flag(profile.in_active_labour_measure),
        flag(profile.school_leaver),
        flag(profile.disadvantaged),
        flag(profile.business_idea),
        comune,
        quartiere,
        birth,
    ];
    values.iter().zip(profile_radixes()).fold(0, |number, (value, radix)| number * radix + value)
}

fn check_from_profile(mut number: u64) -> Option<SelfCheck> {
    let radixes = profile_radixes();
    let mut values = [0u64; 8];
    for (value, radix) in values.iter_mut().zip(radixes).rev() {
        *value = number % radix;
        number /= radix;
    }
    if number != 0 {
        return None;
    }
    let territory = Territory::embedded();
    let flag = |value: u64| match value {
        1 => Some(false),
        2 => Some(true),
        _ => None,
    };
    let intent = match values[0] {
        1 => Some(Intent::Everything),
        2 => Some(Intent::EnterpriseOnly),
        _ => None,
    };
    let mut check = SelfCheck { intent, ..SelfCheck::default() };
    let profile = &mut check.answers.profile;
    profile.in_active_labour_measure = flag(values[1]);
    profile.school_leaver = flag(values[2]);
    profile.disadvantaged = flag(values[3]);
    profile.business_idea = flag(values[4]);
    profile.comune = values[5]
        .checked_sub(1)
        .and_then(|index| territory.comuni().nth(index as usize))
        .map(|(name, _)| name.to_owned());
    profile.quartiere = values[6]
        .checked_sub(1)
        .and_then(|index| territory.quartieri.get(index as usize))
        .map(|quartiere| quartiere.id.clone());
    profile.birth_date =
        values[7].checked_sub(1).map(|days| Date::from_days_since_unix_epoch(days as i64 - DAYS_FROM_1900_TO_1970));
    Some(check)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> SelfCheck {
        let instrument = Instrument::fragility();
        let mut check = SelfCheck { intent: Some(Intent::Everything), ..SelfCheck::default() };
        let profile = &mut check.answers.profile;
        profile.comune = Some("Castello d'Argile".to_owned());
        profile.birth_date = "1975-03-02".parse().ok();
        profile.in_active_labour_measure = Some(false);
        profile.school_leaver = Some(true);
        profile.business_idea = Some(false);
        for (index, item) in instrument.items.iter().enumerate() {
            if index % 5 != 4 {
                check.set_item(&item.id, Level::new((index % 4) as u8));
            }
        }
        check
    }

    #[test]
    fn a_full_self_check_fits_in_a_code_short_enough_to_type() {
        let instrument = Instrument::fragility();
        let code = encode(&full(), instrument);
        let letters = code.chars().filter(|letter| *letter != '-').count();
        assert!(letters <= 25, "{code} has {letters} characters");
        assert_eq!(decode(&code, instrument), Some(full()));
    }

    #[test]
    fn a_code_is_read_however_it_is_typed() {
        let instrument = Instrument::fragility();
        let code = encode(&full(), instrument);
        let typed = code.replace('-', " ").to_lowercase().replace('1', "l").replace('0', "o");
        assert_eq!(decode(&typed, instrument), Some(full()));
        let mut bologna = SelfCheck::default();
        bologna.answers.profile.comune = Some("bologna".to_owned());
        bologna.answers.profile.quartiere = Some("navile".to_owned());
        let read = decode(&encode(&bologna, instrument), instrument).expect("read");
        assert_eq!(read.answers.profile.comune.as_deref(), Some("Bologna"), "the official name");
        assert_eq!(read.answers.profile.quartiere.as_deref(), Some("navile"));
        assert_eq!(decode(&encode(&SelfCheck::default(), instrument), instrument), Some(SelfCheck::default()));
    }

    #[test]
    fn every_wrong_character_and_every_swap_of_neighbours_is_refused() {
        let instrument = Instrument::fragility();
        let code: Vec<char> = encode(&full(), instrument).chars().filter(|letter| *letter != '-').collect();
        for position in 1..code.len() {
            for replacement in ALPHABET.iter().map(|letter| char::from(*letter)) {
                if replacement != code[position] {
                    let mut wrong = code.clone();
                    wrong[position] = replacement;
                    assert_eq!(decode(&wrong.iter().collect::<String>(), instrument), None, "{position} {replacement}");
                }
            }
            if position + 1 < code.len() && code[position] != code[position + 1] {
                let mut swapped = code.clone();
                swapped.swap(position, position + 1);
                assert_eq!(decode(&swapped.iter().collect::<String>(), instrument), None, "swap at {position}");
            }
        }
        let shorter: String = code[..code.len() - 1].iter().collect();
        assert_eq!(decode(&shorter, instrument), None);
        assert_eq!(decode("hello", instrument), None);
    }

    #[test]
    fn a_resume_code_carries_the_answers_but_the_day() {
        let instrument = Instrument::fragility();
        let mut sample = full();
        sample.answers.assessed_on = "2026-11-25".parse().ok();
        let code = encode(&sample, instrument);
        assert!(code.len() < 30, "{code}");
        let expected =
            SelfCheck { answers: insieme_rules::Answers { assessed_on: None, ..sample.answers.clone() }, ..sample };
        assert_eq!(decode(&code, instrument), Some(expected));
        assert_eq!(decode("IPL1-garbage", instrument), None);
        assert_eq!(decode("hello", instrument), None);
    }

    #[test]
    fn a_code_for_another_instrument_version_is_refused() {
        let fragility = Instrument::fragility();
        let mut other = fragility.clone();
        other.version = "2030-1".to_owned();
        let code = encode(&full(), fragility);
        assert_eq!(decode(&code, &other), None);
    }

    #[test]
    fn places_outside_the_territory_are_not_carried() {
        let instrument = Instrument::fragility();
        let mut outside = SelfCheck::default();
        outside.answers.profile.comune = Some("Firenze".to_owned());
        let read = decode(&encode(&outside, instrument), instrument).expect("read");
        assert_eq!(read.answers.profile.comune, None);
    }
}
