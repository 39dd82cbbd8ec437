//! The editable table model behind the Baseline, TCO and KPI tabs.
//!
//! A tab describes its table as rows of cells; a cell that holds a value of the project
//! carries its path (`costs[1].monthly`), which is all `update` needs to edit it in place.
//! Section rows name the collection that `a` adds to; item rows the element `d` deletes.

use crate::domain::money::Amount;
use crate::domain::validate::FieldPath;
use crate::i18n::Lang;

/// The lists of a project a row can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collection {
    Metrics,
    Benefits,
    Costs,
    Risks,
    Kpis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A section title with its column headers.
    Section,
    /// A line of the project (a cost, a KPI…).
    Item,
    /// A detail of the item above (a benefit's input, a project setting).
    Detail,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    pub path: Option<FieldPath>,
    pub right: bool,
    /// Shorter texts keeping the value's sign and magnitude (`-1,2 M€`, `-1,2 M`), longest
    /// first, shown where the column is too narrow for `text`: a figure is never cut.
    pub shorter: Vec<String>,
    /// What the cell is, when its text says more (`Confiance : moyenne` is the confidence):
    /// the edit line names it so.
    pub label: Option<String>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    /// A number or amount, right-aligned.
    pub fn figure(text: impl Into<String>) -> Self {
        Self { text: text.into(), right: true, ..Self::default() }
    }

    /// A value the user can edit in place.
    pub fn field(text: impl Into<String>, path: FieldPath) -> Self {
        Self { text: text.into(), path: Some(path), ..Self::default() }
    }

    /// The same cell, named `label` on the edit line.
    pub fn labelled(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn right(mut self) -> Self {
        self.right = true;
        self
    }

    /// An amount, right-aligned, in whole units, or compact where its column is narrow;
    /// a dash when there is none.
    pub fn amount(lang: Lang, amount: Option<Amount>, currency: &str) -> Self {
        match amount {
            Some(amount) => {
                let [whole, compact, bare] = lang.money_forms(amount, currency);
                Self { shorter: vec![compact, bare], ..Self::figure(whole) }
            }
            None => Self::figure("—"),
        }
    }

    /// The same cell, editable at `path`.
    pub fn at(mut self, path: FieldPath) -> Self {
        self.path = Some(path);
        self
    }

    /// The longest of its texts that fits in `width` characters, else the shortest.
    pub fn text_in(&self, width: usize) -> &str {
        std::iter::once(&self.text)
            .chain(&self.shorter)
            .find(|text| text.chars().count() <= width)
            .or(self.shorter.last())
            .unwrap_or(&self.text)
    }

    /// The width of its shortest text.
    fn least_width(&self) -> usize {
        self.shorter.last().unwrap_or(&self.text).chars().count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    /// Column widths of a section, used by the rows under it (0 = take what is left).
    pub widths: Vec<u16>,
    pub cells: Vec<Cell>,
    /// The collection `a` adds to from this row.
    pub collection: Option<Collection>,
    /// The element of the collection this row shows, for `d`.
    pub index: Option<usize>,
}

impl Row {
    pub fn section(collection: Option<Collection>, widths: &[u16], cells: Vec<Cell>) -> Self {
        Self { kind: RowKind::Section, widths: widths.to_vec(), cells, collection, index: None }
    }

    pub fn item(collection: Collection, index: usize, cells: Vec<Cell>) -> Self {
        Self {
            kind: RowKind::Item,
            widths: Vec::new(),
            cells,
            collection: Some(collection),
            index: Some(index),
        }
    }

    pub fn detail(cells: Vec<Cell>) -> Self {
        Self { kind: RowKind::Detail, widths: Vec::new(), cells, collection: None, index: None }
    }

    /// A detail row with columns of its own rather than its section's.
    pub fn detail_in(widths: &[u16], cells: Vec<Cell>) -> Self {
        Self { widths: widths.to_vec(), ..Self::detail(cells) }
    }

    /// Columns holding an editable value.
    pub fn editable_columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.cells.iter().enumerate().filter(|(_, c)| c.path.is_some()).map(|(i, _)| i)
    }
}

/// The least a column of width 0 (the line's name) keeps when the others are fitted.
pub const MIN_FILL: u16 = 12;

/// A tab's table: sections of rows, each section with its own column widths.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    pub rows: Vec<Row>,
}

impl Grid {
    /// The column widths that apply to `row`: its own, else those of its section.
    pub fn widths_at(&self, row: usize) -> &[u16] {
        self.width_owner(row).and_then(|owner| self.rows.get(owner)).map_or(&[], |r| &r.widths)
    }

    /// The row whose widths `row` uses: itself when it has its own, else its section.
    pub fn width_owner(&self, row: usize) -> Option<usize> {
        let rows = self.rows.get(..=row)?;
        if rows.last().is_some_and(|r| !r.widths.is_empty()) {
            return Some(row);
        }
        rows.iter().rposition(|r| r.kind == RowKind::Section)
    }

    /// The columns of the rows that use `owner`'s widths, fitted to a line `width` wide. Each
    /// fixed column is as wide as its widest header or value, so nothing is cut when the line
    /// holds it all; otherwise text columns give way first, widest first, and figures only
    /// after them. A column of width 0 takes what is left, at least [`MIN_FILL`].
    pub fn fitted_widths(&self, owner: usize, width: u16) -> Vec<u16> {
        let Some(spec) = self.rows.get(owner).map(|r| r.widths.clone()) else { return Vec::new() };
        let users: Vec<&Row> = self
            .rows
            .iter()
            .enumerate()
            .skip(owner)
            .take_while(|(i, r)| *i == owner || (r.kind != RowKind::Section && r.widths.is_empty()))
            .filter(|(_, r)| r.kind != RowKind::Detail || r.widths == spec)
            .map(|(_, r)| r)
            .collect();
        let text_width = |column: usize| {
            users
                .iter()
                .filter_map(|r| r.cells.get(column))
                .map(|c| c.text.chars().count())
                .max()
                .unwrap_or(0)
        };
        let is_figure = |column: usize| users.iter().filter_map(|r| r.cells.get(column)).any(|c| c.right);
        let header = |column: usize| {
            users.first().and_then(|r| r.cells.get(column)).map_or(0, |c| c.text.chars().count())
        };
        // A figure may narrow down to its short form, never below.
        let shortest = |column: usize| {
            let cells = users.iter().filter_map(|r| r.cells.get(column));
            cells.map(Cell::least_width).max().unwrap_or(0)
        };
        let mut widths: Vec<u16> = spec
            .iter()
            .enumerate()
            .map(
                |(i, w)| if *w == 0 { 0 } else { (*w).max(u16::try_from(text_width(i)).unwrap_or(u16::MAX)) },
            )
            .collect();
        let fills = spec.iter().filter(|w| **w == 0).count() as u16;
        let spacing = u16::try_from(spec.len().saturating_sub(1)).unwrap_or(0);
        let room = width.saturating_sub(spacing + fills * MIN_FILL);
        while widths.iter().sum::<u16>() > room {
            let floor = |i: usize| {
                let least = if is_figure(i) { shortest(i).max(header(i).min(4)) } else { header(i).max(4) };
                u16::try_from(least).unwrap_or(4).min(if is_figure(i) { u16::MAX } else { spec[i].max(4) })
            };
            let shrinkable = |figures: bool| {
                (0..widths.len())
                    .filter(|&i| spec[i] != 0 && is_figure(i) == figures && widths[i] > floor(i))
                    .max_by_key(|&i| widths[i])
            };
            match shrinkable(false).or_else(|| shrinkable(true)) {
                Some(i) => widths[i] -= 1,
                None => break,
            }
        }
        widths
    }

    /// What the cell at `row`, `column` is, as the screen names it: its column's header (or
    /// its row's label), after the name of the line it belongs to.
    pub fn label_of(&self, row: usize, column: usize) -> String {
        // A column's header is in its section's row; a row with widths of its own (an input
        // under a line) is its own label.
        let owner =
            self.width_owner(row).and_then(|i| self.rows.get(i)).filter(|r| r.kind == RowKind::Section);
        let header = owner.and_then(|r| r.cells.get(column)).filter(|_| column > 0).map(|c| c.text.trim());
        let own_label = self.rows.get(row).and_then(|r| r.cells.first()).map_or("", |c| c.text.trim());
        let labelled = self.cell(row, column).and_then(|c| c.label.as_deref());
        let what = labelled.or(header.filter(|h| !h.is_empty())).unwrap_or(own_label);
        let item = self.rows.get(..=row).and_then(|rows| rows.iter().rev().find(|r| r.kind == RowKind::Item));
        match item.and_then(|r| r.cells.first()).map(|c| c.text.trim()) {
            Some(name) if column > 0 && !name.is_empty() && name != what => format!("{name} — {what}"),
            _ => what.to_owned(),
        }
    }

    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.rows.get(row)?.cells.get(column)
    }

    /// The collection and element a row stands for, looking up to its section for `a`.
    pub fn collection_at(&self, row: usize) -> Option<Collection> {
        self.rows.get(..=row)?.iter().rev().find_map(|r| r.collection)
    }

    /// The element shown by `row` or by the item it details.
    pub fn item_at(&self, row: usize) -> Option<(Collection, usize)> {
        let rows = self.rows.get(..=row)?;
        for candidate in rows.iter().rev() {
            match candidate.kind {
                RowKind::Item => return Some((candidate.collection?, candidate.index?)),
                RowKind::Section => return None,
                RowKind::Detail => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_belong_to_the_item_above() {
        let grid = Grid {
            rows: vec![
                Row::section(Some(Collection::Costs), &[0, 4], vec![]),
                Row::item(Collection::Costs, 0, vec![]),
                Row::detail(vec![]),
                Row::section(Some(Collection::Risks), &[3], vec![]),
            ],
        };
        assert_eq!(grid.widths_at(2), [0, 4]);
        assert_eq!(grid.item_at(2), Some((Collection::Costs, 0)));
        assert_eq!(grid.item_at(0), None);
        assert_eq!(grid.collection_at(3), Some(Collection::Risks));
        assert_eq!(grid.collection_at(2), Some(Collection::Costs));
    }
}
