//! The rules of the file format in words, French and English: what a value breaks, and how to
//! fix it. The core names the rule with its data (`domain::validate::Rule`); this says it.

use super::Lang;
use crate::domain::validate::Rule;

/// What is wrong, in `lang`.
pub fn rule_message(lang: Lang, rule: &Rule) -> String {
    let n = |value: &rust_decimal::Decimal| lang.exact(*value);
    match (lang, rule) {
        (Lang::Fr, Rule::NotAFraction { value }) => format!("{} est hors de 0..=1", n(value)),
        (Lang::En, Rule::NotAFraction { value }) => format!("{} is outside 0..=1", n(value)),
        (Lang::Fr, Rule::NegativeAmount { value }) => format!("{} est négatif", n(value)),
        (Lang::En, Rule::NegativeAmount { value }) => format!("{} is negative", n(value)),
        (Lang::Fr, Rule::TooLarge { value, largest }) => format!("{} dépasse {}", n(value), n(largest)),
        (Lang::En, Rule::TooLarge { value, largest }) => {
            format!("{} is larger than {}", n(value), n(largest))
        }
        (Lang::Fr, Rule::MeasureTooLarge { value, largest }) => {
            format!("{} dépasse ±{}", n(value), n(largest))
        }
        (Lang::En, Rule::MeasureTooLarge { value, largest }) => {
            format!("{} is beyond ±{}", n(value), n(largest))
        }
        (Lang::Fr, Rule::MonthOutsideHorizon { month, horizon }) => {
            format!("le mois {month} est hors de l'horizon 1..={horizon}")
        }
        (Lang::En, Rule::MonthOutsideHorizon { month, horizon }) => {
            format!("month {month} is outside the horizon 1..={horizon}")
        }
        (Lang::Fr, Rule::ScoreOutside { score }) => format!("{score} est hors de 1..=10"),
        (Lang::En, Rule::ScoreOutside { score }) => format!("{score} is outside 1..=10"),
        (Lang::Fr, Rule::SchemaUnsupported { schema }) => {
            format!("le schéma {schema} n'est pas pris en charge")
        }
        (Lang::En, Rule::SchemaUnsupported { schema }) => format!("schema {schema} is not supported"),
        (Lang::Fr, Rule::PeriodEndsBeforeStart { start, end }) => {
            format!("la fin de période {end} précède son début {start}")
        }
        (Lang::En, Rule::PeriodEndsBeforeStart { start, end }) => {
            format!("period_end {end} is before period_start {start}")
        }
        (Lang::Fr, Rule::NoName) => "le projet n'a pas de nom".into(),
        (Lang::En, Rule::NoName) => "the project has no name".into(),
        (Lang::Fr, Rule::HorizonOutside { horizon }) => {
            format!("l'horizon de {horizon} mois est hors de 6..=120")
        }
        (Lang::En, Rule::HorizonOutside { horizon }) => {
            format!("horizon {horizon} months is outside 6..=120")
        }
        (Lang::Fr, Rule::RampOutside { ramp, horizon }) => {
            format!("une montée en charge de {ramp} mois est hors de 0..={horizon}")
        }
        (Lang::En, Rule::RampOutside { ramp, horizon }) => {
            format!("ramp of {ramp} months is outside 0..={horizon}")
        }
        (Lang::Fr, Rule::MinutesAfterAboveBefore { after, before }) => {
            format!("{} minutes après, c'est plus que {} avant", n(after), n(before))
        }
        (Lang::En, Rule::MinutesAfterAboveBefore { after, before }) => {
            format!("{} minutes after is more than {} before", n(after), n(before))
        }
        (Lang::Fr, Rule::CostEndsBeforeStart { start, end }) => {
            format!("le mois de fin {end} précède le mois de début {start}")
        }
        (Lang::En, Rule::CostEndsBeforeStart { start, end }) => {
            format!("end_month {end} is before start_month {start}")
        }
        (Lang::Fr, Rule::TooManyKpis { count, max }) => format!("{count} KPIs, {max} au plus"),
        (Lang::En, Rule::TooManyKpis { count, max }) => format!("{count} KPIs, at most {max} are allowed"),
        (Lang::Fr, Rule::KpiTwice { key }) => format!("le KPI « {key} » apparaît deux fois"),
        (Lang::En, Rule::KpiTwice { key }) => format!("KPI `{key}` appears twice"),
        (Lang::Fr, Rule::MeasuredBenefitsNegative { value }) => format!("{} est négatif", n(value)),
        (Lang::En, Rule::MeasuredBenefitsNegative { value }) => format!("{} is negative", n(value)),
        (Lang::Fr, Rule::MeasuredBenefitsFall { value, month, earlier, earlier_month }) => format!(
            "{} mesurés au mois {month}, c'est moins que les {} mesurés au mois {earlier_month}",
            n(value),
            n(earlier)
        ),
        (Lang::En, Rule::MeasuredBenefitsFall { value, month, earlier, earlier_month }) => format!(
            "{} measured by month {month} is below the {} measured by month {earlier_month}",
            n(value),
            n(earlier)
        ),
        (Lang::Fr, Rule::MeasuredBenefitsTwice { month }) => {
            format!("deux mesures des bénéfices pour le mois {month}")
        }
        (Lang::En, Rule::MeasuredBenefitsTwice { month }) => {
            format!("two measures of the benefits for month {month}")
        }
        (Lang::Fr, Rule::MultiplierOutside { value, largest }) => {
            format!("le multiplicateur {} est hors de 0..={}", n(value), n(largest))
        }
        (Lang::En, Rule::MultiplierOutside { value, largest }) => {
            format!("multiplier {} is outside 0..={}", n(value), n(largest))
        }
        (Lang::Fr, Rule::DelayBeyond { delay, longest }) => {
            format!("un décalage de {delay} mois dépasse ±{longest}")
        }
        (Lang::En, Rule::DelayBeyond { delay, longest }) => {
            format!("a delay of {delay} months is beyond ±{longest}")
        }
        (Lang::Fr, Rule::TooManyEntries { count, max }) => format!("{count} entrées, {max} au plus"),
        (Lang::En, Rule::TooManyEntries { count, max }) => {
            format!("{count} entries, at most {max} are allowed")
        }
        (Lang::Fr, Rule::TwoValuesForOne { kept, other }) => format!(
            "« {} » et « {} » donnent la même valeur deux fois ; seule la première compterait",
            super::review::input_name(lang, kept),
            super::review::input_name(lang, other)
        ),
        (Lang::En, Rule::TwoValuesForOne { kept, other }) => format!(
            "“{}” and “{}” give the same value twice; only the first would count",
            super::review::input_name(lang, kept),
            super::review::input_name(lang, other)
        ),
        (Lang::Fr, Rule::TextTooLong { chars, max }) => format!("{chars} caractères, {max} au plus"),
        (Lang::En, Rule::TextTooLong { chars, max }) => {
            format!("{chars} characters, at most {max} are allowed")
        }
    }
}

/// How to fix it, in `lang`.
pub fn rule_fix(lang: Lang, rule: &Rule) -> String {
    let fr = lang == Lang::Fr;
    let pick = |french: &str, english: &str| if fr { french.to_owned() } else { english.to_owned() };
    match rule {
        Rule::NotAFraction { .. } => pick(
            "Écrivez une fraction entre 0 et 1 : 0,25 vaut 25 %",
            "Write a fraction between 0 and 1: 0.25 means 25 %",
        ),
        Rule::NegativeAmount { .. } => pick(
            "Écrivez un montant positif ou 0 ; une économie va dans les bénéfices, pas en coût négatif",
            "Write a positive amount or 0; a saving belongs in benefits, not as a negative cost",
        ),
        Rule::TooLarge { .. } => pick(
            "Vérifiez l'unité : montants en unités monétaires, volumes par mois, temps en minutes",
            "Check the unit: amounts are in currency units, volumes per month, times in minutes",
        ),
        Rule::MeasureTooLarge { .. } => {
            pick("Écrivez la valeur dans une unité plus petite", "Write the value in a smaller unit")
        }
        Rule::MonthOutsideHorizon { horizon, .. } if fr => {
            format!("Écrivez un mois entre 1 et {horizon}, ou allongez project.horizon_months")
        }
        Rule::MonthOutsideHorizon { horizon, .. } => {
            format!("Write a month between 1 and {horizon}, or raise project.horizon_months")
        }
        Rule::ScoreOutside { .. } => {
            pick("Notez de 1 (faible) à 10 (fort)", "Score it from 1 (low) to 10 (high)")
        }
        Rule::SchemaUnsupported { .. } => pick(
            "Écrivez schema = 1 (le seul schéma que lit cette version)",
            "Write schema = 1 (the only schema this version reads)",
        ),
        Rule::PeriodEndsBeforeStart { .. } => pick(
            "Inversez les deux mois ou corrigez la fin de la période mesurée",
            "Swap the two months or correct the end of the measured period",
        ),
        Rule::NoName => pick(
            "Donnez-lui un nom court, par exemple \"Tri des CV\"",
            "Give it a short name, e.g. \"Tri des CV\"",
        ),
        Rule::HorizonOutside { .. } => pick(
            "Choisissez un horizon entre 6 et 120 mois (36 est l'usage)",
            "Choose a horizon between 6 and 120 months (36 is usual)",
        ),
        Rule::RampOutside { .. } => pick(
            "Écrivez le nombre de mois pour atteindre la pleine valeur, 0 pour tout de suite",
            "Write the months to reach full value, 0 for at once",
        ),
        Rule::MinutesAfterAboveBefore { .. } => pick(
            "Un gain de temps demande minutes_after ≤ minutes_before",
            "A time saving needs minutes_after ≤ minutes_before",
        ),
        Rule::CostEndsBeforeStart { .. } => pick(
            "Un coût mensuel court du mois de début au mois de fin inclus : terminez-le après son début",
            "A monthly cost runs from start_month to end_month, both included: end it on or after its start",
        ),
        Rule::TooManyKpis { .. } => pick(
            "Gardez les 12 à 18 KPIs qui décident ; retirez les autres",
            "Keep the 12 to 18 KPIs that drive decisions; remove the others",
        ),
        Rule::KpiTwice { .. } => pick("Donnez à chaque KPI sa propre clé", "Give each KPI its own key"),
        Rule::MeasuredBenefitsNegative { .. } => pick(
            "Écrivez les bénéfices mesurés depuis le début jusqu'à ce mois, 0 si rien n'a été gagné",
            "Write the benefits measured from the start to that month, 0 when nothing was gained",
        ),
        Rule::MeasuredBenefitsFall { .. } => pick(
            "Les bénéfices se cumulent depuis le début : écrivez le total à ce mois, ou corrigez le précédent",
            "Benefits are counted from the start: write the total to that month, or correct the earlier one",
        ),
        Rule::MeasuredBenefitsTwice { .. } => pick(
            "Gardez une ligne par mois : les bénéfices mesurés depuis le début jusqu'à ce mois",
            "Keep one line per month: the benefits measured from the start to that month",
        ),
        Rule::MultiplierOutside { .. } => pick(
            "Un multiplicateur est entre 0 et 10 : 1 laisse la donnée telle quelle",
            "A multiplier is between 0 and 10: 1 leaves the input as it is",
        ),
        Rule::DelayBeyond { .. } => {
            pick("Écrivez un décalage en mois, dans l'horizon", "Write a delay in months, within the horizon")
        }
        Rule::TooManyEntries { max, .. } if fr => {
            format!("Gardez-en {max} au plus : scindez le projet, ou regroupez des lignes")
        }
        Rule::TooManyEntries { max, .. } => format!("Keep at most {max}: split the project, or group lines"),
        Rule::TextTooLong { .. } => pick(
            "Raccourcissez-le ; mettez les longues explications dans un document à côté du projet",
            "Shorten it; put long explanations in a document beside the project",
        ),
        Rule::TwoValuesForOne { .. } => pick(
            "Gardez une seule des deux lignes et supprimez l'autre",
            "Keep one of the two lines and delete the other",
        ),
    }
}

/// The whole sentence of a problem: `path: message — fix`.
pub fn problem_sentence(lang: Lang, problem: &crate::domain::validate::Problem) -> String {
    format!("{}: {} — {}", problem.path, rule_message(lang, &problem.rule), rule_fix(lang, &problem.rule))
}

/// Why a measurement or a measured benefit was not recorded, in `lang`.
pub fn record_error(lang: Lang, error: &crate::domain::validate::RecordError) -> String {
    use crate::domain::validate::RecordError;
    match (lang, error) {
        (Lang::Fr, RecordError::NoSuchKpi { key, keys }) => {
            format!("aucun KPI « {key} » — les KPIs sont : {}", keys.join(", "))
        }
        (Lang::En, RecordError::NoSuchKpi { key, keys }) => {
            format!("no KPI `{key}` — the KPIs are: {}", keys.join(", "))
        }
        (_, RecordError::Breaks(problem)) => problem_sentence(lang, problem),
    }
}

/// A message of the TOML reader or of the store's own checks (types, encoding, size, ranges),
/// said in `lang`. They are English sentences of a few shapes; each shape is put in French
/// here, and a message of another shape (a TOML syntax error) stays as the reader wrote it.
pub fn reader_message(lang: Lang, message: &str) -> String {
    if lang == Lang::En {
        return message.to_owned();
    }
    let quoted = |text: &str| text.replace('`', "").trim().to_owned();
    let after = |prefix: &str| message.strip_prefix(prefix).map(str::to_owned);
    if let Some(rest) = after("unknown field ") {
        let (name, list) = rest.split_once(", expected one of ").unwrap_or((&rest, ""));
        return format!("clé inconnue « {} » ; clés possibles : {}", quoted(name), list.replace('`', ""));
    }
    if let Some(rest) = after("unknown variant ").or_else(|| after("unknown value ")) {
        let (name, list) = rest.split_once(", expected one of ").unwrap_or((&rest, ""));
        return format!(
            "valeur inconnue « {} » ; valeurs possibles : {}",
            quoted(name),
            list.replace('`', "")
        );
    }
    if let Some(name) = after("missing field ") {
        return format!("clé requise absente : « {} »", quoted(&name));
    }
    if let Some(rest) = after("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((&rest, ""));
        let expected = match expected {
            "i64" | "u64" | "i32" | "u32" | "integer" => "un nombre entier",
            "a string" | "string" => "un texte",
            "a boolean" => "vrai ou faux",
            other if other.starts_with("a number") => "un nombre",
            other => other,
        };
        let found = found.replace("string", "texte").replace("integer", "entier").replace("float", "décimal");
        return format!("type invalide : {found}, attendu : {expected}");
    }
    if let Some((value, _)) = message.split_once(" is not a number") {
        return format!("« {} » n'est pas un nombre (écrivez-le comme \"1250.50\")", quoted(value));
    }
    if let Some((value, _)) = message.split_once(" is not a month") {
        return format!(
            "« {} » n'est pas un mois : écrivez-le \"AAAA-MM\", par exemple \"2026-01\"",
            quoted(value)
        );
    }
    if let Some((field, _)) = message.split_once(": a range needs numbers low ≤ likely ≤ high") {
        return format!("« {} » : une fourchette demande des nombres low ≤ likely ≤ high", quoted(field));
    }
    if let Some((field, _)) = message.split_once(" cannot be a range") {
        return format!("« {} » ne peut pas être une fourchette", quoted(field));
    }
    if let Some(rest) = after("byte ").and_then(|r| r.strip_suffix(" is not UTF-8 text").map(str::to_owned)) {
        return format!("l'octet {rest} n'est pas du texte UTF-8");
    }
    if let Some(rest) = after("the file holds ") {
        let (bytes, most) = rest.split_once(" bytes; a project file holds at most ").unwrap_or((&rest, ""));
        return format!("le fichier fait {bytes} octets ; un fichier de projet en fait au plus {most}");
    }
    if message == "this is not a regular file (a FIFO, a device or a folder)" {
        return "ce n'est pas un fichier ordinaire (un tube nommé, un périphérique ou un dossier)".to_owned();
    }
    if message.contains("duplicate key") {
        return message.replace("duplicate key", "clé en double");
    }
    super::errors::toml_syntax(lang, message)
}

/// The fixes the reader's and the store's messages come with, in `lang`.
pub fn reader_fix(lang: Lang, fix: &str) -> String {
    if lang == Lang::En {
        return fix.to_owned();
    }
    let french = match fix {
        "check the key's spelling against the keys listed (a misspelt key would silently drop a value)" => {
            "vérifiez l'orthographe de la clé parmi celles listées (une clé mal écrite ferait disparaître une valeur)"
        }
        "use one of the values listed" => "utilisez l'une des valeurs listées",
        "add `schema = 1` at the top of the file" => "ajoutez `schema = 1` en tête du fichier",
        "add this key: it is required" => "ajoutez cette clé : elle est obligatoire",
        "write numbers unquoted (1250.50) or quoted (\"1250.50\"), text in quotes, months as \"YYYY-MM\"" => {
            "écrivez les nombres sans guillemets (1250.50) ou entre guillemets (\"1250.50\"), le texte entre guillemets, les mois \"AAAA-MM\""
        }
        "keep one of the two definitions" => "gardez l'une des deux définitions",
        "remove it from the folder, or replace it with the project file it stands for" => {
            "retirez-le du dossier, ou remplacez-le par le fichier de projet qu'il représente"
        }
        "write this value as the message says; the TOML itself is fine" => {
            "écrivez cette valeur comme le dit le message ; le TOML lui-même est correct"
        }
        "fix the TOML syntax here: text in quotes, `key = value`, [table] and [[array]] headers" => {
            "corrigez la syntaxe TOML ici : texte entre guillemets, `clé = valeur`, en-têtes [table] et [[tableau]]"
        }
        "write it like { low = 40, likely = 50, high = 65 }" => {
            "écrivez-la comme { low = 40, likely = 50, high = 65 }"
        }
        "ranges are for the amounts, quantities and rates of benefit, cost and risk lines; write a single value" => {
            "les fourchettes sont pour les montants, quantités et taux des lignes de bénéfice, de coût et de risque ; écrivez une seule valeur"
        }
        "save the file as UTF-8 (the editor's encoding setting; Latin-1 'é' is one such byte)" => {
            "enregistrez le fichier en UTF-8 (le réglage d'encodage de l'éditeur ; un « é » Latin-1 est un tel octet)"
        }
        "this is not a project file, or one to split into several projects" => {
            "ce n'est pas un fichier de projet, ou il faut le scinder en plusieurs projets"
        }
        other => other,
    };
    french.to_owned()
}

/// A problem of a file, said in a language: `line:column: message — fix`.
impl crate::store::format::Diagnostic {
    pub fn said_in(&self, lang: Lang) -> String {
        let (line, column) = (self.line, self.column);
        match &self.problem {
            Some(problem) => format!("{line}:{column}: {}", problem_sentence(lang, problem)),
            None if self.fix.is_empty() => {
                format!("{line}:{column}: {}", reader_message(lang, &self.message))
            }
            None => {
                let (message, fix) = (reader_message(lang, &self.message), reader_fix(lang, &self.fix));
                format!("{line}:{column}: {message} — {fix}")
            }
        }
    }
}

impl std::fmt::Display for crate::store::format::Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validate::{FieldPath, Problem};

    /// Issue 13: the format's refusals reach the French interface in French.
    #[test]
    fn a_rule_is_said_in_the_readers_language() {
        let problem = Problem {
            path: FieldPath::parse("project.horizon_months").unwrap_or_default(),
            rule: Rule::HorizonOutside { horizon: 200 },
        };
        assert_eq!(
            problem_sentence(Lang::Fr, &problem),
            "project.horizon_months: l'horizon de 200 mois est hors de 6..=120 — Choisissez un horizon entre 6 et 120 mois (36 est l'usage)"
        );
        assert!(problem_sentence(Lang::En, &problem).contains("horizon 200 months is outside 6..=120"));
        let money = Rule::TooLarge {
            value: rust_decimal::Decimal::from(2_000_000),
            largest: rust_decimal::Decimal::ONE,
        };
        assert_eq!(rule_message(Lang::Fr, &money), "2 000 000 dépasse 1");
    }

    /// The reader's own messages (types, keys, encoding) too, shape by shape.
    #[test]
    fn the_readers_messages_are_said_in_french() {
        let cases = [
            (
                "invalid type: string \"6.5\", expected i64",
                "type invalide : texte \"6.5\", attendu : un nombre entier",
            ),
            (
                "unknown field `colour`, expected one of `name`, `kind`",
                "clé inconnue « colour » ; clés possibles : name, kind",
            ),
            (
                "unknown variant `logiciel`, expected one of `software`",
                "valeur inconnue « logiciel » ; valeurs possibles : software",
            ),
            ("missing field `kind`", "clé requise absente : « kind »"),
            ("byte 0xE9 is not UTF-8 text", "l'octet 0xE9 n'est pas du texte UTF-8"),
            ("key with no value, expected `=`", "clé sans valeur ; attendu : `=`"),
        ];
        for (english, french) in cases {
            assert_eq!(reader_message(Lang::Fr, english), french);
            assert_eq!(reader_message(Lang::En, english), english);
        }
        assert_eq!(
            reader_fix(Lang::Fr, "add this key: it is required"),
            "ajoutez cette clé : elle est obligatoire"
        );
    }
}
