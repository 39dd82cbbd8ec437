//! Fields that take one of a list of values (a department, a kind, a category…): each value
//! shown by its name in the UI's language, typed by that name (or the file's key), never by an
//! internal key the user cannot guess. Pure.

use crate::domain::project::{
    BenefitKind, CompanySize, CostCategory, Department, Dimension, Direction, Frequency, Maturity, Status,
    ValueClass,
};
use crate::domain::uncertainty::Confidence;
use crate::domain::validate::{FieldPath, Segment};
use crate::i18n::Lang;
use crate::i18n::review::{
    benefit_kind_name, category_name, company_size_name, confidence_name, department_name, dimension_name,
    direction_name, frequency_name, maturity_name, status_name, value_class_name,
};

/// A value of a choice field: its key in the file, its name on screen.
pub type Choice = (&'static str, &'static str);

/// The values of the field at `path`, when it is a choice field.
pub fn choices(lang: Lang, path: &FieldPath) -> Option<Vec<Choice>> {
    let field = match path.0.last()? {
        Segment::Key(key) => key.as_str(),
        Segment::Index(_) => return None,
    };
    let list = |keys: Vec<(&'static str, &'static str)>| Some(keys);
    match field {
        "department" => list(Department::ALL.iter().map(|v| (v.key(), department_name(lang, *v))).collect()),
        "company_size" => {
            list(CompanySize::ALL.iter().map(|v| (v.key(), company_size_name(lang, *v))).collect())
        }
        "status" => list(Status::ALL.iter().map(|v| (v.key(), status_name(lang, *v))).collect()),
        "maturity" => list(Maturity::ALL.iter().map(|v| (v.key(), maturity_name(lang, *v))).collect()),
        "kind" => list(BenefitKind::ALL.iter().map(|v| (v.key(), benefit_kind_name(lang, *v))).collect()),
        "value_class" => {
            list(ValueClass::ALL.iter().map(|v| (v.key(), value_class_name(lang, *v))).collect())
        }
        "category" => list(CostCategory::ALL.iter().map(|v| (v.key(), category_name(lang, *v))).collect()),
        "dimension" => list(Dimension::ALL.iter().map(|v| (v.key(), dimension_name(lang, *v))).collect()),
        "direction" => list(Direction::ALL.iter().map(|v| (v.key(), direction_name(lang, *v))).collect()),
        "frequency" => list(Frequency::ALL.iter().map(|v| (v.key(), frequency_name(lang, *v))).collect()),
        "currency" => list(
            CURRENCIES
                .iter()
                .map(|(code, fr, en)| (*code, if lang == Lang::Fr { *fr } else { *en }))
                .collect(),
        ),
        "confidence" => list(
            [Confidence::Low, Confidence::Medium, Confidence::High]
                .iter()
                .map(|v| (v.key(), confidence_name(lang, *v)))
                .collect(),
        ),
        _ => None,
    }
}

/// The currencies offered for a project, by ISO 4217 code; any other three-letter code can
/// be typed.
const CURRENCIES: &[(&str, &str, &str)] = &[
    ("EUR", "EUR — euro", "EUR — euro"),
    ("USD", "USD — dollar américain", "USD — US dollar"),
    ("GBP", "GBP — livre sterling", "GBP — pound sterling"),
    ("CHF", "CHF — franc suisse", "CHF — Swiss franc"),
    ("CAD", "CAD — dollar canadien", "CAD — Canadian dollar"),
    ("JPY", "JPY — yen", "JPY — yen"),
    ("SEK", "SEK — couronne suédoise", "SEK — Swedish krona"),
    ("DKK", "DKK — couronne danoise", "DKK — Danish krone"),
    ("NOK", "NOK — couronne norvégienne", "NOK — Norwegian krone"),
    ("PLN", "PLN — zloty", "PLN — zloty"),
    ("MAD", "MAD — dirham marocain", "MAD — Moroccan dirham"),
    ("XOF", "XOF — franc CFA (UEMOA)", "XOF — CFA franc (WAEMU)"),
];

/// The values of the field at `path` whose name (in either language) or key holds what is
/// typed, whatever the case and accents: every value while nothing is typed. Those whose
/// shown name begins with it come first, then those whose shown name holds it, then the
/// other language's names, then the keys — what the user sees wins over what is hidden.
pub fn matching(lang: Lang, path: &FieldPath, typed: &str) -> Option<Vec<Choice>> {
    let wanted = folded(typed);
    let other = choices(lang.toggled(), path).unwrap_or_default();
    let list = choices(lang, path)?;
    let rank = |(key, name): &Choice| {
        let other_name = other.iter().find(|(k, _)| k == key).map_or("", |(_, n)| *n);
        let shown = folded(name);
        if shown.starts_with(&wanted) {
            Some(0)
        } else if shown.contains(&wanted) {
            Some(1)
        } else if folded(other_name).contains(&wanted) {
            Some(2)
        } else {
            folded(key).contains(&wanted).then_some(3)
        }
    };
    let mut ranked: Vec<(usize, Choice)> =
        list.into_iter().filter_map(|choice| rank(&choice).map(|r| (r, choice))).collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    Some(ranked.into_iter().map(|(_, choice)| choice).collect())
}

/// The name shown for the key `key` of the field at `path` (the key itself if unknown).
pub fn name_of(lang: Lang, path: &FieldPath, key: &str) -> String {
    choices(lang, path)
        .and_then(|list| list.into_iter().find(|(k, _)| *k == key).map(|(_, name)| name.to_owned()))
        .unwrap_or_else(|| key.to_owned())
}

/// The key for what the user typed in a choice field: a value's name in either language or
/// its key, whatever the case and accents; `Err` with the names to choose from otherwise.
pub fn key_for(lang: Lang, path: &FieldPath, typed: &str) -> Option<Result<&'static str, String>> {
    let list = choices(lang, path)?;
    let wanted = folded(typed);
    if wanted.is_empty() {
        return Some(Ok(""));
    }
    let other = choices(lang.toggled(), path).unwrap_or_default();
    let found = list
        .iter()
        .chain(other.iter())
        .find(|(key, name)| folded(key) == wanted || folded(name) == wanted)
        .map(|(key, _)| *key);
    Some(found.ok_or_else(|| list.iter().map(|(_, name)| *name).collect::<Vec<_>>().join(", ")))
}

/// Lower case, no accents, `_` and `-` as spaces: how names are compared.
pub fn folded(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            '_' | '-' => ' ',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> FieldPath {
        FieldPath::parse(text).unwrap_or_default()
    }

    /// Issue 25: what the screen shows wins over the hidden key: `reduc` finds "Réduction de
    /// coûts" before "Erreurs évitées" (whose key is `error_reduction`).
    #[test]
    fn shown_names_match_before_hidden_keys() {
        let kind = path("benefits[0].kind");
        let found = matching(Lang::Fr, &kind, "reduc").unwrap_or_default();
        let keys: Vec<&str> = found.iter().map(|(key, _)| *key).collect();
        assert_eq!(keys.first(), Some(&"cost_reduction"), "{keys:?}");
        assert!(keys.contains(&"error_reduction"), "the key still finds it, after: {keys:?}");
    }

    #[test]
    fn a_choice_is_typed_by_its_name_in_either_language_or_its_key() {
        let department = path("project.department");
        assert_eq!(key_for(Lang::Fr, &department, "développement logiciel"), Some(Ok("software")));
        assert_eq!(key_for(Lang::Fr, &department, "Developpement Logiciel"), Some(Ok("software")));
        assert_eq!(key_for(Lang::Fr, &department, "software"), Some(Ok("software")));
        assert_eq!(key_for(Lang::En, &department, "Ressources humaines"), Some(Ok("hr")));
        assert!(
            matches!(key_for(Lang::Fr, &department, "logiciel"), Some(Err(names)) if names.contains("Développement logiciel"))
        );
        assert_eq!(key_for(Lang::Fr, &path("costs[0].monthly"), "x"), None, "not a choice field");
        assert_eq!(name_of(Lang::Fr, &path("benefits[0].kind"), "time_saving"), "Temps gagné");
    }

    #[test]
    fn a_company_size_is_typed_by_its_acronym_or_its_name() {
        let size = path("project.company_size");
        assert_eq!(key_for(Lang::Fr, &size, "ETI"), Some(Ok("eti")));
        assert_eq!(key_for(Lang::Fr, &size, "grande entreprise"), Some(Ok("large")));
        assert_eq!(key_for(Lang::En, &size, "Mid-cap"), Some(Ok("eti")));
        assert_eq!(name_of(Lang::En, &size, "pme"), "SME (50 to 500 people)");
    }
}
