//! Tables for terminals. The room a table has is shared out among its columns so that no word
//! is split unless it is wider than its column; every cell is wrapped to its column with the
//! rules of [`super::wrap`] before the table is drawn, so that the drawing never wraps again.

use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table, presets};

use super::Style;
use super::wrap::Para;
use textwrap::core::display_width;

/// One cell: paragraphs one under another, in a colour when colour is wanted.
#[derive(Debug, Clone)]
pub struct Piece {
    paras: Vec<Para>,
    color: Option<Color>,
}

impl Piece {
    pub fn new(paras: Vec<Para>) -> Self {
        Self { paras, color: None }
    }

    /// Text set flush and broken where it must be.
    pub fn text(text: &str) -> Self {
        Para::new(text).into()
    }

    /// An id, a date or a short figure: broken only between words, and inside one only when
    /// nothing else fits.
    pub fn word(text: &str) -> Self {
        Para::prose(text).into()
    }

    /// A figure, never broken.
    pub fn figure(figure: impl ToString) -> Self {
        Para::whole(&figure.to_string()).into()
    }

    pub fn colored(mut self, color: Color) -> Self {
        self.color = Some(color);
        self
    }

    fn least(&self) -> usize {
        self.paras.iter().map(Para::narrowest).max().unwrap_or(0)
    }

    fn most(&self) -> usize {
        self.paras.iter().map(Para::widest).max().unwrap_or(0)
    }

    fn lines(&self, width: usize) -> String {
        let lines: Vec<String> = self.paras.iter().flat_map(|p| p.lines(width)).collect();
        lines.join("\n")
    }
}

impl From<Para> for Piece {
    fn from(para: Para) -> Self {
        Self::new(vec![para])
    }
}

enum Row {
    /// A bold heading over the rows that follow, in the first column.
    Group(Para),
    Cells(Vec<Piece>),
}

/// A table being filled; [`Grid::render`] lays it out and draws it.
pub struct Grid {
    style: Style,
    header: Vec<Piece>,
    rows: Vec<Row>,
    right: Vec<usize>,
    caps: Vec<(usize, usize)>,
    id_headers: Vec<usize>,
}

/// How far headers give way when a table is narrow, tried in this order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Headers {
    /// No word of a header is split, nor an id set as a header.
    Whole,
    /// Headers are split before the words under them, but ids are kept whole.
    IdsWhole,
    /// Anything goes.
    Split,
}

/// What the borders and padding of a table of `columns` columns take: `│ a ┆ b │`.
pub fn frame(columns: usize) -> usize {
    3 * columns + 1
}

impl Grid {
    pub fn new(style: Style, header: &[&str]) -> Self {
        Self {
            style,
            header: header.iter().map(|title| Piece::text(title)).collect(),
            rows: Vec::new(),
            right: Vec::new(),
            caps: Vec::new(),
            id_headers: Vec::new(),
        }
    }

    /// Keeps these columns' headers on one line unless nothing else fits: ids, not words.
    pub fn whole_headers(mut self, columns: impl IntoIterator<Item = usize>) -> Self {
        self.id_headers.extend(columns);
        self
    }

    /// Sets these columns' figures flush right.
    pub fn right_align(mut self, columns: impl IntoIterator<Item = usize>) -> Self {
        self.right.extend(columns);
        self
    }

    /// Keeps a column of prose at most `width` wide, however much room there is, so that its
    /// lines stay short enough to read.
    pub fn cap(mut self, column: usize, width: usize) -> Self {
        self.caps.push((column, width));
        self
    }

    /// A heading row, such as an area over its competencies.
    pub fn group(&mut self, title: &str) {
        self.rows.push(Row::Group(Para::new(title)));
    }

    pub fn row(&mut self, cells: impl IntoIterator<Item = Piece>) {
        self.rows.push(Row::Cells(cells.into_iter().collect()));
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The narrowest each column can be set without splitting a word.
    pub fn least_widths(&self) -> Vec<usize> {
        self.extents(Headers::Whole)
            .into_iter()
            .map(|(least, _)| least)
            .collect()
    }

    /// The narrowest and widest each column's text can be set, its header giving way as far
    /// as `headers` allows.
    fn extents(&self, headers: Headers) -> Vec<(usize, usize)> {
        let mut extents: Vec<(usize, usize)> = self
            .header
            .iter()
            .enumerate()
            .map(|(column, piece)| {
                let id = self.id_headers.contains(&column);
                let least = match headers {
                    Headers::Whole if id => piece.most(),
                    Headers::Whole => piece.least(),
                    Headers::IdsWhole if id => piece.most(),
                    Headers::IdsWhole | Headers::Split => 1,
                };
                (least, piece.most())
            })
            .collect();
        let mut widen = |column: usize, least: usize, most: usize| {
            if let Some(extent) = extents.get_mut(column) {
                *extent = (extent.0.max(least), extent.1.max(most));
            }
        };
        for row in &self.rows {
            match row {
                Row::Group(title) => widen(0, title.narrowest(), title.widest()),
                Row::Cells(cells) => {
                    for (column, piece) in cells.iter().enumerate() {
                        widen(column, piece.least(), piece.most());
                    }
                }
            }
        }
        for &(column, cap) in &self.caps {
            if let Some((least, most)) = extents.get_mut(column) {
                *most = (*most).min(cap.max(*least));
            }
        }
        extents
    }

    /// How many lines the rows take with columns `widths` wide.
    fn height(&self, widths: &[usize]) -> usize {
        let lines = |piece: &Piece, width: usize| -> usize {
            piece.paras.iter().map(|para| para.lines(width).len()).sum()
        };
        self.rows
            .iter()
            .map(|row| match row {
                Row::Group(title) => title.lines(widths[0]).len(),
                Row::Cells(cells) => cells
                    .iter()
                    .zip(widths)
                    .map(|(piece, &width)| lines(piece, width))
                    .max()
                    .unwrap_or(1),
            })
            .sum::<usize>()
            + self
                .header
                .iter()
                .zip(widths)
                .map(|(piece, &width)| lines(piece, width))
                .max()
                .unwrap_or(1)
    }

    /// How wide column `column` is drawn when set `width` wide: its longest line.
    fn used(&self, column: usize, width: usize) -> usize {
        let widest = |piece: &Piece| {
            let lines = piece.paras.iter().flat_map(|para| para.lines(width));
            lines.map(|line| display_width(&line)).max().unwrap_or(0)
        };
        let cells = self.rows.iter().filter_map(|row| match row {
            Row::Group(title) if column == 0 => Some(widest(&title.clone().into())),
            Row::Group(_) => None,
            Row::Cells(cells) => cells.get(column).map(widest),
        });
        cells
            .chain(self.header.get(column).map(widest))
            .max()
            .unwrap_or(0)
    }

    /// Widths with what a column leaves unused (its lines all shorter than it) handed to the
    /// columns still narrower than they would be, those that want least first, so that a
    /// header split for want of room is made whole where the room turns out to be there.
    fn tightened(&self, room: usize, extents: &[(usize, usize)], widths: Vec<usize>) -> Vec<usize> {
        let mut widths: Vec<usize> = widths
            .iter()
            .enumerate()
            .map(|(i, &width)| self.used(i, width).min(width))
            .collect();
        let mut spare = room.saturating_sub(widths.iter().sum());
        let mut short: Vec<usize> = (0..widths.len())
            .filter(|&i| widths[i] < extents[i].1)
            .collect();
        short.sort_by_key(|&i| extents[i].1 - widths[i]);
        for i in short {
            let more = (extents[i].1 - widths[i]).min(spare);
            widths[i] += more;
            spare -= more;
        }
        widths
    }

    /// The table, drawn: its lines, without a final line break.
    pub fn render(&self) -> String {
        let room = self.style.width.saturating_sub(frame(self.header.len()));
        let fits =
            |extents: &Vec<(usize, usize)>| extents.iter().map(|e| e.0).sum::<usize>() <= room;
        // Too narrow for every word: headers are split before the words under them.
        let extents = [Headers::Whole, Headers::IdsWhole, Headers::Split]
            .into_iter()
            .map(|headers| self.extents(headers))
            .find(fits)
            .unwrap_or_else(|| self.extents(Headers::Split));
        let widths = share(room, &extents, |widths| self.height(widths));
        let widths = self.tightened(room, &extents, widths);
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
            // The cells are wrapped already; the table only draws them.
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(
                self.header
                    .iter()
                    .zip(&widths)
                    .map(|(piece, &width)| piece.lines(width)),
            );
        if self.style.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        for row in &self.rows {
            match row {
                Row::Group(title) => {
                    let title = title.lines(widths[0]).join("\n");
                    table.add_row(vec![Cell::new(title).add_attribute(Attribute::Bold)]);
                }
                Row::Cells(cells) => {
                    table.add_row(cells.iter().zip(&widths).map(|(piece, &width)| {
                        let cell = Cell::new(piece.lines(width));
                        match piece.color {
                            Some(color) => cell.fg(color),
                            None => cell,
                        }
                    }));
                }
            }
        }
        for &index in &self.right {
            if let Some(column) = table.column_mut(index) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        table.to_string()
    }
}

/// The most columns that are tried whole before the others share what is left: enough for the
/// narrow columns of any table printed here, few enough that laying out stays cheap.
const WHOLE_TRIES: usize = 6;

/// How wide to set each column, given the narrowest each can be without splitting a word and
/// the widest it would be, in `room` columns. Whole words come first: each column gets its
/// narrowest. What room is left is shared in a few ways, and the one that makes the table the
/// fewest lines tall (by `height`) wins, the first of equals: among the columns that want more,
/// the `k` that want least (for `k` from 0) are set whole, and the others share the rest in
/// proportion to how much more they want. When even the narrowest widths do not fit, see
/// [`squeezed`]: long words are split.
fn share(
    room: usize,
    extents: &[(usize, usize)],
    height: impl Fn(&[usize]) -> usize,
) -> Vec<usize> {
    let least: usize = extents.iter().map(|e| e.0).sum();
    let most: usize = extents.iter().map(|e| e.1).sum();
    if most <= room {
        return extents.iter().map(|e| e.1).collect();
    }
    if least > room {
        return squeezed(room, extents);
    }
    let want = |i: usize| extents[i].1 - extents[i].0;
    let mut open: Vec<usize> = (0..extents.len()).filter(|&i| want(i) > 0).collect();
    open.sort_by_key(|&i| want(i));
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut whole_cost = 0;
    for k in 0..=open.len().min(WHOLE_TRIES) {
        if k > 0 {
            whole_cost += want(open[k - 1]);
        }
        if whole_cost > room - least {
            break;
        }
        let widths = shared(room, extents, &open[..k], &open[k..]);
        let tall = height(&widths);
        if best.as_ref().is_none_or(|(fewest, _)| tall < *fewest) {
            best = Some((tall, widths));
        }
    }
    best.map(|(_, widths)| widths).unwrap_or_default()
}

/// Widths when not even the narrowest fit: columns of one width only (figures, single words)
/// keep it, and the others share what is left in proportion to their narrowest.
fn squeezed(room: usize, extents: &[(usize, usize)]) -> Vec<usize> {
    let rigid = |i: usize| extents[i].0 == extents[i].1;
    let fixed: usize = (0..extents.len())
        .filter(|&i| rigid(i))
        .map(|i| extents[i].0)
        .sum();
    let flexible: usize = extents.iter().map(|e| e.0).sum::<usize>() - fixed;
    let left = room.saturating_sub(fixed);
    let mut widths: Vec<usize> = (0..extents.len())
        .map(|i| match rigid(i) {
            true => extents[i].0,
            false => (left * extents[i].0 / flexible.max(1)).max(1),
        })
        .collect();
    hand_out(&mut widths, room, |i, width| match rigid(i) {
        true => 0,
        false => extents[i].0.saturating_sub(width),
    });
    widths
}

/// The columns in `whole` as wide as they would be, those in `rest` sharing what room is left
/// in proportion to how much more they want, and the others at their narrowest.
fn shared(room: usize, extents: &[(usize, usize)], whole: &[usize], rest: &[usize]) -> Vec<usize> {
    let mut widths: Vec<usize> = extents.iter().map(|e| e.0).collect();
    for &i in whole {
        widths[i] = extents[i].1;
    }
    let spare = room.saturating_sub(widths.iter().sum());
    let total: usize = rest.iter().map(|&i| extents[i].1 - extents[i].0).sum();
    for &i in rest {
        widths[i] += spare * (extents[i].1 - extents[i].0) / total.max(1);
    }
    hand_out(&mut widths, room, |i, width| {
        extents[i].1.saturating_sub(width)
    });
    widths
}

/// Gives what rounding down left of `room`, one column at a time, to the columns that `need`
/// the most (the first of equals).
fn hand_out(widths: &mut [usize], room: usize, need: impl Fn(usize, usize) -> usize) {
    let mut left = room.saturating_sub(widths.iter().sum());
    while left > 0 {
        let Some(neediest) = (0..widths.len())
            .filter(|&i| need(i, widths[i]) > 0)
            .max_by_key(|&i| (need(i, widths[i]), std::cmp::Reverse(i)))
        else {
            return;
        };
        widths[neediest] += 1;
        left -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A layout judge that has no preference: every way is as tall.
    fn level(_: &[usize]) -> usize {
        1
    }

    #[test]
    fn columns_that_fit_keep_their_widths() {
        assert_eq!(share(30, &[(5, 10), (3, 20)], level), [10, 20]);
    }

    #[test]
    fn room_left_goes_where_it_is_wanted() {
        // 8 spare columns; the first wants 5 more, the second 15: a quarter and three quarters.
        assert_eq!(share(16, &[(5, 10), (3, 18)], level), [7, 9]);
        // A column already as wide as it would be (a figure) gets nothing more.
        assert_eq!(share(20, &[(12, 40), (3, 3), (4, 30)], level), [13, 3, 4]);
    }

    #[test]
    fn a_column_set_whole_wins_when_that_is_shorter() {
        // Shared in proportion: [15, 9, 26]; with the one that wants least (7) whole, the
        // other two share 16 as 20 to 50: [14, 14, 22].
        let whole_header = |widths: &[usize]| if widths[1] == 14 { 1 } else { 2 };
        assert_eq!(
            share(50, &[(10, 30), (7, 14), (10, 60)], level),
            [15, 9, 26]
        );
        assert_eq!(
            share(50, &[(10, 30), (7, 14), (10, 60)], whole_header),
            [14, 14, 22]
        );
        // Two set whole, once there is room for both: the third keeps its narrowest.
        let two_whole = |widths: &[usize]| if widths[..2] == [30, 14] { 1 } else { 2 };
        assert_eq!(
            share(54, &[(10, 30), (7, 14), (10, 60)], two_whole),
            [30, 14, 10]
        );
    }

    #[test]
    fn rounding_leftovers_go_to_the_first_of_equals() {
        assert_eq!(share(10, &[(1, 4), (1, 4), (1, 4)], level), [4, 3, 3]);
    }

    #[test]
    fn too_little_room_shrinks_the_columns_that_can_shrink_in_proportion() {
        assert_eq!(share(6, &[(8, 20), (4, 10)], level), [4, 2]);
        assert_eq!(share(10, &[(8, 20), (3, 3), (4, 10)], level), [5, 3, 2]);
        // What cannot shrink does not, however little the room.
        assert_eq!(share(2, &[(5, 5), (5, 5), (5, 5)], level), [5, 5, 5]);
    }

    #[test]
    fn the_layout_with_the_fewest_lines_wins() {
        let mut grid = Grid::new(
            Style {
                color: false,
                width: 64,
            },
            &["Id", "Title", "Levels"],
        );
        grid.row([
            Piece::text("platform-engineering"),
            Piece::text("Platform Engineering"),
            Piece::text("engineer, senior, staff, principal, distinguished"),
        ]);
        // Ids and titles whole would leave the levels four lines; this takes two.
        assert_eq!(
            grid.render(),
            "\
╭─────────────┬─────────────┬──────────────────────────╮
│ Id          ┆ Title       ┆ Levels                   │
╞═════════════╪═════════════╪══════════════════════════╡
│ platform-   ┆ Platform    ┆ engineer, senior, staff, │
│ engineering ┆ Engineering ┆ principal, distinguished │
╰─────────────┴─────────────┴──────────────────────────╯"
        );
    }

    #[test]
    fn the_frame_takes_three_columns_each_and_one() {
        let mut grid = Grid::new(
            Style {
                color: false,
                width: 22,
            },
            &["Competency", "Score"],
        );
        grid.group("People");
        grid.row([Piece::text("Coaching and growth"), Piece::figure(3)]);
        let drawn = grid.render();
        // 22 wide: 7 for the frame, 5 for the score, 10 for the names.
        assert_eq!(
            drawn,
            "\
╭────────────┬───────╮
│ Competency ┆ Score │
╞════════════╪═══════╡
│ People     ┆       │
│ Coaching   ┆ 3     │
│ and growth ┆       │
╰────────────┴───────╯"
        );
    }
}
