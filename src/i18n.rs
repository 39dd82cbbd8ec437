//! The French and English catalogues: every user-facing sentence, and the number formats.
//!
//! French when `LANG` starts with `fr`, English otherwise. Money and percentages are rounded
//! with the one policy of `domain::money` and laid out per locale: `5 000,00 €` / `€5,000.00`,
//! `67,2 %` / `67.2%`.

pub mod cli_text;
pub mod errors;
pub mod explain_text;
mod html_text;
pub mod problem;
pub mod review;
mod text;
mod warning;
mod xlsx_text;

pub use cli_text::CliText;
pub use html_text::HtmlText;
pub use text::Text;
pub use warning::warning_sentence;
pub use xlsx_text::XlsxText;

use crate::domain::money::{self, Amount, Percent, Rate};
use crate::domain::typed::{Convention, TypedError};
use crate::store::edit::EditError;
use rust_decimal::{Decimal, RoundingStrategy};

/// A key of a catalogue (see the `catalogue!` macro): it knows its French and English text.
pub trait Localized: Copy {
    fn get(self, lang: Lang) -> &'static str;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    /// French when the locale variable starts with `fr`, English otherwise.
    pub fn from_locale(locale: Option<&str>) -> Self {
        match locale {
            Some(value) if value.to_ascii_lowercase().starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    /// From the environment: `LC_ALL`, then `LANG`.
    pub fn detect() -> Self {
        let locale =
            std::env::var("LC_ALL").ok().filter(|v| !v.is_empty()).or_else(|| std::env::var("LANG").ok());
        Self::from_locale(locale.as_deref())
    }

    pub fn toggled(self) -> Self {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn t(self, text: impl Localized) -> &'static str {
        text.get(self)
    }

    /// A rounded amount with the currency, e.g. `5 000,00 €` or `€5,000.00`.
    pub fn money(self, amount: Amount, currency: &str) -> String {
        self.money_with(amount.value(), currency, money::DISPLAY_DECIMALS)
    }

    /// Whole units, for tight columns: `5 000 €` / `€5,000`.
    pub fn money_whole(self, amount: Amount, currency: &str) -> String {
        self.money_with(amount.value(), currency, 0)
    }

    fn money_with(self, amount: Decimal, currency: &str, decimals: u32) -> String {
        self.money_scaled(self.number(amount, decimals), "", currency)
    }

    /// `digits` with a magnitude suffix and the currency, laid out per locale: `-2,2 M€`,
    /// `-€2.2M`, `12,3 M CHF`, `CHF 12.3M`.
    fn money_scaled(self, digits: String, suffix: &str, currency: &str) -> String {
        let (sign, digits) = digits.strip_prefix('-').map_or(("", digits.as_str()), |d| ("-", d));
        let symbol = currency_symbol(currency);
        let one_char = symbol.chars().count() == 1;
        match self {
            Lang::Fr if one_char || suffix.is_empty() => format!("{sign}{digits} {suffix}{symbol}"),
            Lang::Fr => format!("{sign}{digits} {suffix} {symbol}"),
            Lang::En if one_char => format!("{sign}{symbol}{digits}{suffix}"),
            Lang::En => format!("{sign}{digits}{suffix} {symbol}"),
        }
    }

    /// Whole units when they fit in `width` characters, else the compact form: a figure is
    /// never cut.
    /// When even that is too wide, the compact figure without its currency (`-1 165 Md`),
    /// which the table around it states.
    pub fn money_fit(self, amount: Amount, currency: &str, width: usize) -> String {
        self.money_forms(amount, currency)
            .into_iter()
            .find(|form| form.chars().count() <= width)
            .unwrap_or_else(|| self.number_compact(amount))
    }

    /// The forms of an amount, longest first: whole units, compact, compact without currency.
    pub fn money_forms(self, amount: Amount, currency: &str) -> [String; 3] {
        [
            self.money_whole(amount, currency),
            self.money_compact(amount, currency),
            self.number_compact(amount),
        ]
    }

    /// An amount short enough for a tight column or a bar label, keeping its sign and
    /// magnitude: whole units below ten thousand, then thousands, millions, billions with
    /// one decimal below a hundred units (`52,3 k€`, `-€2.2M`, `1,5 Md€`, `1 165 Md€`).
    pub fn money_compact(self, amount: Amount, currency: &str) -> String {
        match self.compact_parts(amount.value()) {
            Some((digits, suffix)) => self.money_scaled(digits, suffix, currency),
            None => self.money_with(amount.value(), currency, 0),
        }
    }

    /// The compact form without a currency: `-1 165 Md`, `-1,165B`, `52,3 k`; a chart's axis.
    pub fn number_compact(self, amount: Amount) -> String {
        match (self.compact_parts(amount.value()), self) {
            (Some((digits, suffix)), Lang::Fr) => format!("{digits} {suffix}"),
            (Some((digits, suffix)), Lang::En) => format!("{digits}{suffix}"),
            (None, _) => self.number(amount.value(), 0),
        }
    }

    /// The digits and the magnitude suffix of a compact amount, `None` below ten thousand.
    fn compact_parts(self, value: Decimal) -> Option<(String, &'static str)> {
        let magnitude = value.abs();
        let steps: [(Decimal, &str, &str); 3] = [
            (Decimal::from(1_000_000_000), "Md", "B"),
            (Decimal::from(1_000_000), "M", "M"),
            (Decimal::from(10_000), "k", "k"),
        ];
        for (step, fr, en) in steps {
            if magnitude >= step {
                let unit = if step == Decimal::from(10_000) { Decimal::ONE_THOUSAND } else { step };
                let scaled = value / unit;
                let decimals = if scaled.abs() < Decimal::ONE_HUNDRED { 1 } else { 0 };
                let digits = self.number(scaled, decimals);
                let suffix = match self {
                    Lang::Fr => fr,
                    Lang::En => en,
                };
                return Some((digits, suffix));
            }
        }
        None
    }

    /// A percentage in `width` characters when it can be: one decimal, else none, else the
    /// compact form (`12,3 k %`), a figure being never cut.
    pub fn percent_fit(self, value: Percent, width: usize) -> String {
        let [precise, whole, compact] = self.percent_forms(value);
        [precise, whole].into_iter().find(|form| form.chars().count() <= width).unwrap_or(compact)
    }

    /// The forms of a percentage, longest first: one decimal, none, compact.
    pub fn percent_forms(self, value: Percent) -> [String; 3] {
        let number = value.value();
        let forms =
            [self.number(number, 1), self.number(number, 0), self.number_compact(Amount::new(number))];
        forms.map(|digits| match self {
            Lang::Fr => format!("{digits} %"),
            Lang::En => format!("{digits}%"),
        })
    }

    /// A percentage with one decimal: `67,2 %` / `67.2%`; `—` when undefined.
    pub fn percent(self, value: Option<Percent>) -> String {
        let Some(value) = value else {
            return DASH.to_owned();
        };
        let number = self.number(value.value(), 1);
        match self {
            Lang::Fr => format!("{number} %"),
            Lang::En => format!("{number}%"),
        }
    }

    /// A reference range in whole percents: `130–220 %` / `130–220%`.
    pub fn range_pct(self, range: crate::domain::reference::ReferenceRange) -> String {
        let low = self.number(range.low_pct.value(), 0);
        let [_, high, _] = self.percent_forms(range.high_pct);
        format!("{low}–{high}")
    }

    /// A rate (a fraction) as a percentage with one decimal: `5,5 %` for 0.055.
    pub fn rate(self, rate: Rate) -> String {
        self.percent(Some(rate.percent()))
    }

    /// An internal rate of return: past 1 000 % it means nothing to a finance reader, and is
    /// said so (`> 1 000 %`).
    /// The IRR as a figure: the rate when there is one, else "none" or "several" (the
    /// warnings say why).
    pub fn irr_figure(self, irr: &crate::domain::engine::Irr) -> String {
        use crate::domain::engine::Irr;
        match irr {
            Irr::Unique(rate) => self.irr(Rate::new(*rate)),
            Irr::Several(_) => self.t(text::Text::IrrSeveral).to_owned(),
            Irr::None(_) => self.t(text::Text::IrrNone).to_owned(),
        }
    }

    pub fn irr(self, rate: Rate) -> String {
        let ceiling = Decimal::ONE_THOUSAND;
        if rate.percent().value() > ceiling {
            let number = self.number(ceiling, 0);
            return match self {
                Lang::Fr => format!("> {number} %"),
                Lang::En => format!("> {number}%"),
            };
        }
        self.rate(rate)
    }

    /// A measured value as written, not rounded to a money format: `0,065`, `4,995`, `12`
    /// (at most 6 decimals).
    pub fn measure(self, value: Decimal) -> String {
        self.number(value, value.normalize().scale().min(6))
    }

    /// A count with its thousands grouped: `10 000` / `10,000`.
    pub fn count(self, count: usize) -> String {
        self.number(Decimal::from(count), 0)
    }

    /// A number with thousands grouped and a fixed count of decimals.
    pub fn number(self, value: Decimal, decimals: u32) -> String {
        let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
        let text = format!("{:.*}", decimals as usize, rounded.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let (group, point) = match self {
            Lang::Fr => (' ', ','),
            Lang::En => (',', '.'),
        };
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(digit);
        }
        let sign = if rounded.is_sign_negative() && !rounded.is_zero() { "-" } else { "" };
        if fraction.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{point}{fraction}")
        }
    }

    /// How numbers are typed in this language (see `domain::typed`).
    pub fn convention(self) -> Convention {
        match self {
            Lang::Fr => Convention::DecimalComma,
            Lang::En => Convention::DecimalPoint,
        }
    }

    /// A number with every decimal it has, as this language types it: what an edit box
    /// starts from, so that accepting it unchanged changes nothing.
    pub fn exact(self, value: Decimal) -> String {
        self.number(value, value.normalize().scale())
    }

    /// A rate as a percentage with every decimal it has: `12,5 %` / `12.5%` for 0.125.
    pub fn rate_exact(self, rate: Rate) -> String {
        let number = self.exact(rate.percent().value());
        match self {
            Lang::Fr => format!("{number} %"),
            Lang::En => format!("{number}%"),
        }
    }

    /// Why a typed number was refused, with what to type instead.
    pub fn typed_error(self, typed: &str, error: TypedError) -> String {
        let typed = &crate::domain::inert::excerpt(typed);
        match (self, error) {
            (Lang::Fr, TypedError::NotANumber) => {
                format!("« {typed} » n'est pas un nombre : écrivez-le comme 12 000,50")
            }
            (Lang::En, TypedError::NotANumber) => {
                format!("`{typed}` is not a number: write it like 12,000.50")
            }
            (Lang::Fr, TypedError::Ambiguous { as_decimal, as_thousands }) => format!(
                "« {typed} » se lit {} ou {} : écrivez l'un ou l'autre",
                self.exact(as_decimal),
                self.exact(as_thousands)
            ),
            (Lang::En, TypedError::Ambiguous { as_decimal, as_thousands }) => format!(
                "`{typed}` reads as {} or as {}: type the one you mean",
                self.exact(as_decimal),
                self.exact(as_thousands)
            ),
        }
    }

    /// An edit refused, in this language where the reason is the user's typing.
    pub fn edit_error(self, error: &EditError) -> String {
        match error {
            EditError::Number { typed, error } => self.typed_error(typed, *error),
            EditError::NoValueForRange(_) => self.t(Text::RangeNeedsValue).to_owned(),
            // The example reads in both languages: two whole numbers and a dash.
            EditError::NotARange(typed) => match self {
                Lang::Fr => format!("« {typed} » : une fourchette s'écrit bas–haut, par exemple 250–350"),
                Lang::En => format!("`{typed}`: a range is written low–high, for example 250–350"),
            },
            EditError::Breaks(problem) => problem::problem_sentence(self, problem),
            EditError::Refused { message, fix } if fix.is_empty() => problem::reader_message(self, message),
            EditError::Refused { message, fix } => {
                format!("{} — {}", problem::reader_message(self, message), problem::reader_fix(self, fix))
            }
            other => other.to_string(),
        }
    }

    /// The word after a count of months: "mois" whatever the count, "month" or "months".
    pub fn months_after(self, count: rust_decimal::Decimal) -> &'static str {
        self.t(if count.abs() == rust_decimal::Decimal::ONE { Text::OneMonth } else { Text::Months })
    }

    /// A name quoted as each language quotes: « nom » in French, “name” in English.
    pub fn quoted(self, text: &str) -> String {
        match self {
            Lang::Fr => format!("« {text} »"),
            Lang::En => format!("“{text}”"),
        }
    }

    /// "label : value" in French, "label: value" in English.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Fr => " : ",
            Lang::En => ": ",
        }
    }

    /// A signed change in percent, as on a what-if axis: `−50 %`, `0 %`, `+20 %`.
    pub fn change_pct(self, change: i64) -> String {
        let sign = match change.signum() {
            1 => "+",
            -1 => "−",
            _ => "",
        };
        let magnitude = change.unsigned_abs();
        match self {
            Lang::Fr => format!("{sign}{magnitude} %"),
            Lang::En => format!("{sign}{magnitude}%"),
        }
    }

    /// A month count, or the "not reached" word.
    pub fn month(self, month: Option<i64>) -> String {
        match month {
            Some(m) => format!("{} {m}", self.t(Text::MonthShort)),
            None => self.t(Text::NotReached).to_owned(),
        }
    }
}

/// Shown for an undefined figure.
pub const DASH: &str = "—";

fn currency_symbol(code: &str) -> &str {
    match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn compact_money_keeps_sign_and_magnitude() {
        let compact = |lang: Lang, value: Decimal, currency| lang.money_compact(Amount::new(value), currency);
        assert_eq!(compact(Lang::Fr, dec!(-2246997), "EUR"), "-2,2 M€");
        assert_eq!(compact(Lang::En, dec!(-2246997), "EUR"), "-€2.2M");
        assert_eq!(compact(Lang::Fr, dec!(12345678), "CHF"), "12,3 M CHF");
        assert_eq!(compact(Lang::En, dec!(12345678), "CHF"), "12.3M CHF");
        assert_eq!(compact(Lang::Fr, dec!(52300), "EUR"), "52,3 k€");
        assert_eq!(compact(Lang::En, dec!(9999), "EUR"), "€9,999");
        assert_eq!(compact(Lang::Fr, dec!(1500000000000), "EUR"), "1 500 Md€");
        assert_eq!(compact(Lang::En, dec!(-123456789), "USD"), "-$123M");
    }

    /// Reads a compact amount back: its digits in the language's convention, times its unit.
    fn read_compact(lang: Lang, text: &str) -> Decimal {
        let units = [("Md", 1_000_000_000_i64), ("B", 1_000_000_000), ("M", 1_000_000), ("k", 1_000)];
        let unit = units.iter().find(|(suffix, _)| text.contains(suffix)).map_or(1, |(_, unit)| *unit);
        let digits: String =
            text.chars().filter(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-')).collect();
        let digits = match lang {
            Lang::Fr => digits.replace(',', "."),
            Lang::En => digits.replace(',', ""),
        };
        digits.trim_end_matches('.').parse::<Decimal>().unwrap_or_default() * Decimal::from(unit)
    }

    proptest::proptest! {
        /// Issue 14: a compact amount keeps its sign and its magnitude, within its rounding.
        #[test]
        fn a_compact_amount_reads_back_as_its_value(cents in -10_i64.pow(15)..10_i64.pow(15), fr: bool) {
            let lang = if fr { Lang::Fr } else { Lang::En };
            let value = Decimal::new(cents, 2);
            let text = lang.money_compact(Amount::new(value), "EUR");
            let read = read_compact(lang, &text);
            // One decimal of the unit below a hundred units, whole units above: 5 % or 0,5 %.
            let tolerance = (value.abs() * dec!(0.05)).max(Decimal::ONE);
            proptest::prop_assert!((read - value).abs() <= tolerance, "{value} shown as {text}, read as {read}");
            proptest::prop_assert_eq!(text.starts_with('-'), value <= dec!(-0.5), "{}", text);
        }
    }

    #[test]
    fn money_per_locale() {
        assert_eq!(Lang::Fr.money(Amount::new(dec!(5000)), "EUR"), "5 000,00 €");
        assert_eq!(Lang::En.money(Amount::new(dec!(5000)), "EUR"), "€5,000.00");
        assert_eq!(Lang::En.money(Amount::new(dec!(-1234567.891)), "EUR"), "-€1,234,567.89");
        assert_eq!(Lang::Fr.money(Amount::new(dec!(0.005)), "CHF"), "0,01 CHF");
        assert_eq!(Lang::Fr.money_whole(Amount::new(dec!(999.5)), "EUR"), "1 000 €");
    }

    #[test]
    fn a_percentage_fits_its_width_by_dropping_decimals_then_compacting() {
        let big = Percent::new(Decimal::new(11164, 1));
        assert_eq!(Lang::Fr.percent_fit(big, 9), "1 116,4 %");
        assert_eq!(Lang::Fr.percent_fit(big, 7), "1 116 %");
        assert_eq!(Lang::En.percent_fit(Percent::new(Decimal::from(123_456)), 6), "123k%");
        assert_eq!(Lang::En.percent_fit(Percent::new(Decimal::from(5)), 1), "5%", "too narrow: the shortest");
    }

    #[test]
    fn percent_per_locale() {
        assert_eq!(Lang::Fr.percent(Some(Percent::new(dec!(67.24)))), "67,2 %");
        assert_eq!(Lang::En.percent(Some(Percent::new(dec!(67.25)))), "67.3%");
        assert_eq!(Lang::En.percent(Some(Percent::new(dec!(-0.04)))), "0.0%");
        assert_eq!(Lang::En.percent(None), "—");
        assert_eq!(Lang::Fr.irr(Rate::new(Decimal::from(178))), "> 1 000 %");
        assert_eq!(Lang::En.irr(Rate::new(Decimal::from(11))), "> 1,000%");
        assert_eq!(Lang::En.irr(Rate::new(Decimal::ONE)), "100.0%");
    }

    #[test]
    fn measures_keep_their_own_decimals() {
        assert_eq!(Lang::Fr.measure(dec!(0.065)), "0,065");
        assert_eq!(Lang::En.measure(dec!(4.995)), "4.995");
        assert_eq!(Lang::En.measure(dec!(12.50)), "12.5");
        assert_eq!(Lang::Fr.measure(dec!(1250)), "1 250");
    }

    #[test]
    fn french_when_lang_starts_with_fr() {
        assert_eq!(Lang::from_locale(Some("fr_FR.UTF-8")), Lang::Fr);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }
}
