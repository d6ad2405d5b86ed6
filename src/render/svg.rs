//! Pictures as SVG: a [`Radar`] (an assessment, a comparison, a ladder's levels) and a team's
//! heatmap, written with the `svg` crate. Every piece of file text is made plain (see
//! [`super::safe::plain`]) and written as a text node, which the crate escapes; attributes hold
//! only our own numbers and names. The same input gives the same bytes: no clock, no random
//! id, coordinates rounded to a tenth.

use std::f64::consts::TAU;

use svg::Document;
use svg::node::element::path::Data;
use svg::node::element::{Circle, Description, Group, Line, Path, Rectangle, Text, Title};

use super::safe::markup_text;
use crate::chart::{Radar, Role};
use crate::team::{Person, Team};

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const FONT_SIZE: f64 = 12.0;
const LINE: f64 = 16.0;
const MARGIN: f64 = 24.0;
/// The least radius of a radar, and the room each spoke needs at its tip.
const RADIUS: f64 = 190.0;
const SPOKE_ROOM: f64 = 18.0;
/// The longest title written out in a key, a heading or a column; a longer one is cut with `…`
/// and given whole in a tooltip.
const KEY_CHARS: usize = 44;
const HEADER_CHARS: usize = 24;
/// The longest area name set beside the circle, and the room kept for it.
const AREA_CHARS: usize = 22;
const AREA_ROOM: f64 = 180.0;
const GRID: &str = "#bbbbbb";
const INK: &str = "#222222";

/// How a shape is drawn: a colour from the Okabe–Ito palette, which colour-blind readers tell
/// apart, and a dash pattern, so that shapes differ in more than colour.
struct Stroke {
    color: &'static str,
    dash: &'static str,
}

const EXPECTED: [Stroke; 4] = [
    Stroke {
        color: "#0072B2",
        dash: "8 4",
    },
    Stroke {
        color: "#009E73",
        dash: "2 3",
    },
    Stroke {
        color: "#CC79A7",
        dash: "10 3 2 3",
    },
    Stroke {
        color: "#E69F00",
        dash: "4 2",
    },
];
const SCORED: [Stroke; 4] = [
    Stroke {
        color: "#D55E00",
        dash: "",
    },
    Stroke {
        color: "#56B4E9",
        dash: "6 2 1 2",
    },
    Stroke {
        color: "#000000",
        dash: "1 2",
    },
    Stroke {
        color: "#F0E442",
        dash: "12 3",
    },
];

/// `value` cut to at most `most` characters, with `…` when cut, and made safe after cutting,
/// so that a cut never splits what safety writes for one character.
fn cut(value: &str, most: usize) -> (String, bool) {
    let value = value.trim();
    match value.chars().count() > most {
        true => {
            let kept: String = value.chars().take(most - 1).collect();
            (markup_text(&kept) + "…", true)
        }
        false => (markup_text(value), false),
    }
}

/// A label at (`x`, `y`): cut to `most` characters, with the whole text as its tooltip when
/// cut.
fn label(value: &str, most: usize, x: f64, y: f64) -> Text {
    let (shown, was_cut) = cut(value, most);
    let node = Text::new(shown).set("x", round(x)).set("y", round(y));
    match was_cut {
        true => node.add(Title::new(markup_text(value))),
        false => node,
    }
}

/// A coordinate to a tenth, so that the bytes do not hang on the last bit of a sine.
fn round(value: f64) -> f64 {
    let tenths = (value * 10.0).round() / 10.0;
    if tenths == 0.0 { 0.0 } else { tenths }
}

fn document(width: f64, height: f64, title: &str, description: &str) -> Document {
    Document::new()
        .set("xmlns", "http://www.w3.org/2000/svg")
        .set("viewBox", (0, 0, round(width), round(height)))
        .set("width", round(width))
        .set("height", round(height))
        .set("role", "img")
        .set("aria-labelledby", "chart-title chart-desc")
        .set("font-family", FONT)
        .set("font-size", FONT_SIZE)
        .add(Title::new(markup_text(title)).set("id", "chart-title"))
        .add(
            Description::new()
                .set("id", "chart-desc")
                .add(svg::node::Text::new(markup_text(description))),
        )
        .add(
            Rectangle::new()
                .set("width", "100%")
                .set("height", "100%")
                .set("fill", "#ffffff"),
        )
}

/// A dash pattern, `none` for a solid line.
fn dash(style: &Stroke) -> &'static str {
    if style.dash.is_empty() {
        "none"
    } else {
        style.dash
    }
}

/// Each shape's stroke, in the order of the shapes: the expected ones and the scored ones each
/// take the next of their own list, so that the legend and the chart agree.
fn strokes(radar: &Radar) -> Vec<&'static Stroke> {
    let mut counts = [0, 0];
    radar
        .shapes
        .iter()
        .map(|shape| {
            let (list, count) = match shape.role {
                Role::Expected => (&EXPECTED, &mut counts[0]),
                Role::Scored => (&SCORED, &mut counts[1]),
            };
            *count += 1;
            &list[(*count - 1) % list.len()]
        })
        .collect()
}

/// Where spoke `i` of `n` points: the first straight up, then clockwise.
fn direction(i: usize, n: usize) -> (f64, f64) {
    let angle = -TAU / 4.0 + TAU * i as f64 / n as f64;
    (angle.cos(), angle.sin())
}

/// The radar, drawn: a legend over the chart, and a key beside it naming each numbered spoke,
/// area by area.
pub fn radar(radar: &Radar) -> String {
    let n = radar.spoke_count().max(1);
    let radius = RADIUS.max(n as f64 * SPOKE_ROOM / TAU);
    let top = MARGIN + 2.0 * LINE + radar.shapes.len() as f64 * LINE + LINE;
    // Room around the circle for the spoke numbers and, outside them, the area names.
    let (cx, cy) = (MARGIN + AREA_ROOM + radius, top + radius + 3.0 * LINE);
    let key_x = cx + radius + AREA_ROOM + 2.0 * LINE;
    let key_lines = radar.spoke_count() + 2 * radar.areas.len();
    let width = key_x + 360.0;
    let height = (cy + radius + 4.0 * LINE).max(top + key_lines as f64 * LINE + MARGIN);
    let max = radar.top();
    let at = |i: usize, value: f64| {
        let (dx, dy) = direction(i, n);
        let r = radius * value / f64::from(max);
        (cx + r * dx, cy + r * dy)
    };
    let mut doc = document(width, height, &radar.title, &radar.description).add(
        Text::new(markup_text(&radar.title))
            .set("x", MARGIN)
            .set("y", MARGIN + FONT_SIZE)
            .set("font-size", 16)
            .set("font-weight", "bold")
            .set("fill", INK),
    );
    doc = doc.add(legend(radar, MARGIN, MARGIN + 2.0 * LINE));
    doc = doc.add(area_sectors(radar, n, (cx, cy), radius));
    doc = doc.add(area_names(radar, n, (cx, cy), radius));
    doc = doc.add(rings(radar, (cx, cy), radius, max));
    doc = doc.add(spokes(radar, n, &at));
    let mut shapes = Group::new().set("class", "shapes");
    // One person's shape is filled lightly; several would blur into grey.
    let scored = radar
        .shapes
        .iter()
        .filter(|s| s.role == Role::Scored)
        .count();
    for (shape, style) in radar.shapes.iter().zip(strokes(radar)) {
        let filled = shape.role == Role::Scored && scored == 1;
        shapes = shapes.add(outline(&shape.values, style, filled, &at));
        if shape.role == Role::Scored {
            shapes = shapes.add(marks(&shape.values, &shape.name, radar, style, &at));
        }
    }
    doc = doc.add(shapes);
    doc = doc.add(key(radar, key_x, top));
    doc.to_string() + "\n"
}

/// One line per shape: a sample of its stroke, and its name.
fn legend(radar: &Radar, x: f64, y: f64) -> Group {
    let mut group = Group::new().set("class", "legend");
    let shapes = radar.shapes.iter().zip(strokes(radar));
    for (k, (shape, style)) in shapes.enumerate() {
        let line_y = y + k as f64 * LINE + LINE / 2.0;
        group = group
            .add(
                Line::new()
                    .set("x1", round(x))
                    .set("y1", round(line_y - 4.0))
                    .set("x2", round(x + 36.0))
                    .set("y2", round(line_y - 4.0))
                    .set("stroke", style.color)
                    .set("stroke-width", 2.5)
                    .set("stroke-dasharray", dash(style)),
            )
            .add(label(&shape.name, KEY_CHARS, x + 44.0, line_y).set("fill", INK));
    }
    group
}

/// Every other area's sector shaded, so that an area's spokes read as one group.
fn area_sectors(radar: &Radar, n: usize, (cx, cy): (f64, f64), radius: f64) -> Group {
    let mut group = Group::new().set("class", "areas");
    let mut first = 0;
    for (k, area) in radar.areas.iter().enumerate() {
        let count = area.competencies.len();
        // Every other area; with an odd number, the last is left plain, as the first (its
        // neighbour round the circle) is shaded.
        let areas = radar.areas.len();
        let last_of_odd = k + 1 == areas && areas % 2 == 1;
        if k % 2 == 0 && !last_of_odd && count > 0 && areas > 1 {
            // From halfway before the area's first spoke to halfway after its last.
            let from = first as f64 - 0.5;
            let to = (first + count) as f64 - 0.5;
            let point = |at: f64| {
                let angle = -TAU / 4.0 + TAU * at / n as f64;
                (
                    round(cx + radius * angle.cos()),
                    round(cy + radius * angle.sin()),
                )
            };
            let large = u8::from((to - from) / n as f64 > 0.5);
            let data = Data::new()
                .move_to((round(cx), round(cy)))
                .line_to(point(from))
                .elliptical_arc_to((radius, radius, 0, large, 1, point(to).0, point(to).1))
                .close();
            let sector = Path::new()
                .set("d", data)
                .set("fill", "#f1f1f1")
                .add(Title::new(markup_text(&area.title)));
            group = group.add(sector);
        }
        first += count;
    }
    group
}

/// Each area's name outside its spokes, at the middle of its sector, set away from the circle:
/// flush left on the right, flush right on the left, centred at the top and the bottom.
fn area_names(radar: &Radar, n: usize, (cx, cy): (f64, f64), radius: f64) -> Group {
    let mut group = Group::new()
        .set("class", "area-names")
        .set("font-weight", "bold")
        .set("fill", INK);
    let mut first = 0;
    for area in &radar.areas {
        let count = area.competencies.len();
        if count > 0 {
            let middle = first as f64 + (count - 1) as f64 / 2.0;
            let angle = -TAU / 4.0 + TAU * middle / n as f64;
            let (dx, dy) = (angle.cos(), angle.sin());
            let r = radius + 2.0 * LINE;
            let anchor = match dx {
                dx if dx > 0.25 => "start",
                dx if dx < -0.25 => "end",
                _ => "middle",
            };
            let (x, y) = (
                cx + r * dx,
                cy + r * dy + FONT_SIZE / 3.0 + dy.max(0.0) * LINE / 2.0,
            );
            group = group.add(label(&area.title, AREA_CHARS, x, y).set("text-anchor", anchor));
        }
        first += count;
    }
    group
}

/// A ring at each score of the scale, labelled on the first spoke.
fn rings(radar: &Radar, (cx, cy): (f64, f64), radius: f64, max: u32) -> Group {
    let mut group = Group::new().set("class", "rings");
    for (score, name) in &radar.rings {
        let r = radius * f64::from(*score) / f64::from(max);
        group = group.add(
            Circle::new()
                .set("cx", round(cx))
                .set("cy", round(cy))
                .set("r", round(r))
                .set("fill", "none")
                .set("stroke", GRID)
                .set("stroke-width", 0.8),
        );
        group = group.add(
            label(
                &format!("{score} {name}"),
                HEADER_CHARS,
                cx + 4.0,
                cy - r - 3.0,
            )
            .set("font-size", 10)
            .set("fill", "#555555")
            // A white halo keeps the label readable over the lines it crosses.
            .set("stroke", "#ffffff")
            .set("stroke-width", 3)
            .set("paint-order", "stroke"),
        );
    }
    group
}

/// A line from the centre to each spoke's tip, numbered as the key numbers it.
fn spokes(radar: &Radar, n: usize, at: &impl Fn(usize, f64) -> (f64, f64)) -> Group {
    let max = radar.top();
    let mut group = Group::new().set("class", "spokes");
    for (i, title) in radar.titles().enumerate() {
        let (x0, y0) = at(i, 0.0);
        let (x1, y1) = at(i, f64::from(max));
        group = group.add(
            Line::new()
                .set("x1", round(x0))
                .set("y1", round(y0))
                .set("x2", round(x1))
                .set("y2", round(y1))
                .set("stroke", GRID)
                .set("stroke-width", 0.8),
        );
        let (dx, dy) = direction(i, n);
        let (tx, ty) = at(i, f64::from(max));
        let number = Text::new((i + 1).to_string())
            .set("x", round(tx + dx * 14.0))
            .set("y", round(ty + dy * 14.0 + FONT_SIZE / 3.0))
            .set("text-anchor", "middle")
            .set("fill", INK)
            .add(Title::new(markup_text(title)));
        group = group.add(number);
    }
    group
}

/// A shape's outline through its values, broken where a value is missing; filled lightly when
/// `filled` and whole.
fn outline(
    values: &[Option<u32>],
    style: &Stroke,
    filled: bool,
    at: &impl Fn(usize, f64) -> (f64, f64),
) -> Path {
    let n = values.len();
    let point = |i: usize| {
        let (x, y) = at(i, f64::from(values[i].unwrap_or(0)));
        (round(x), round(y))
    };
    let mut data = Data::new();
    if values.iter().all(Option::is_some) && n > 0 {
        data = data.move_to(point(0));
        for i in 1..n {
            data = data.line_to(point(i));
        }
        data = data.close();
    } else if let Some(gap) = values.iter().position(Option::is_none) {
        // Walk once round from the first gap, starting a new line after every gap.
        let mut drawing = false;
        for step in 1..=n {
            let i = (gap + step) % n;
            match (values[i], drawing) {
                (None, _) => drawing = false,
                (Some(_), false) => {
                    data = data.move_to(point(i));
                    drawing = true;
                }
                (Some(_), true) => data = data.line_to(point(i)),
            }
        }
    }
    let filled = filled && n > 0 && values.iter().all(Option::is_some);
    Path::new()
        .set("d", data)
        .set("fill", if filled { style.color } else { "none" })
        .set("fill-opacity", if filled { 0.12 } else { 0.0 })
        .set("stroke", style.color)
        .set("stroke-width", 2.5)
        .set("stroke-linejoin", "round")
        .set("stroke-dasharray", dash(style))
}

/// A dot at each score, and a hollow ring at the tip of each spoke not scored, each saying so.
fn marks(
    values: &[Option<u32>],
    name: &str,
    radar: &Radar,
    style: &Stroke,
    at: &impl Fn(usize, f64) -> (f64, f64),
) -> Group {
    let max = radar.top();
    let titles: Vec<&str> = radar.titles().collect();
    let mut group = Group::new().set("class", "marks");
    for (i, value) in values.iter().enumerate() {
        let title = titles.get(i).copied().unwrap_or_default();
        let (x, y, tip) = match value {
            Some(score) => {
                let (x, y) = at(i, f64::from(*score));
                (x, y, format!("{name}: {title} {score}"))
            }
            None => {
                let (x, y) = at(i, f64::from(max));
                (x, y, format!("{name}: {title} not scored"))
            }
        };
        let mark = Circle::new()
            .set("cx", round(x))
            .set("cy", round(y))
            .set("r", if value.is_some() { 3.0 } else { 5.0 })
            .set(
                "fill",
                if value.is_some() {
                    style.color
                } else {
                    "#ffffff"
                },
            )
            .set("stroke", style.color)
            .set("stroke-width", 1.5)
            .add(Title::new(markup_text(&tip)));
        group = group.add(mark);
    }
    group
}

/// The numbered competencies, area by area, beside the chart.
fn key(radar: &Radar, x: f64, top: f64) -> Group {
    let mut group = Group::new().set("class", "key").set("fill", INK);
    let mut y = top;
    let mut number = 0;
    for area in &radar.areas {
        group = group.add(label(&area.title, KEY_CHARS, x, y).set("font-weight", "bold"));
        y += LINE;
        for title in &area.competencies {
            number += 1;
            group = group.add(
                Text::new(number.to_string())
                    .set("x", round(x + 22.0))
                    .set("y", round(y))
                    .set("text-anchor", "end"),
            );
            group = group.add(label(title, KEY_CHARS, x + 30.0, y));
            y += LINE;
        }
        y += LINE;
    }
    group
}

/// The fill of a heatmap cell, light to dark as the gap grows (a single-hue scale that reads
/// the same to colour-blind readers), grey when not scored; and whether its figure is set in
/// white.
fn heat(gap: Option<Option<u32>>) -> (&'static str, bool) {
    match gap {
        Some(Some(0)) => ("#f7f7f7", false),
        Some(Some(1)) => ("#fdd49e", false),
        Some(Some(2)) => ("#fc8d59", false),
        Some(Some(_)) => ("#b30000", true),
        Some(None) => ("#bdbdbd", false),
        None => ("#ffffff", false),
    }
}

const CELL_W: f64 = 44.0;
const CELL_H: f64 = 22.0;
const NAMES_W: f64 = 250.0;

/// The team's heatmap: a row per competency, area by area, a column per person (the readiest
/// first), each cell the gap to that person's target; a legend under it.
pub fn heatmap(team: &Team) -> String {
    let people = &team.people;
    let header = 130.0;
    let top = MARGIN + 2.0 * LINE + header;
    let areas = team
        .competencies
        .windows(2)
        .filter(|w| w[0].area != w[1].area)
        .count()
        + 1;
    let rows = team.competencies.len() + areas;
    let grid_w = (people.len() + 1) as f64 * CELL_W;
    let width = MARGIN * 2.0 + NAMES_W + grid_w + 60.0;
    let height = top + rows as f64 * CELL_H + 4.0 * LINE + MARGIN;
    let title = "Gaps to each person's target";
    let description = format!(
        "A heatmap of {} competencies by {} people: each cell is the gap between the person's \
         score and what their target level expects, 0 when met; ? when not scored.",
        team.competencies.len(),
        people.len()
    );
    let mut doc = document(width, height, title, &description).add(
        Text::new(title)
            .set("x", MARGIN)
            .set("y", MARGIN + FONT_SIZE)
            .set("font-size", 16)
            .set("font-weight", "bold")
            .set("fill", INK),
    );
    let x0 = MARGIN + NAMES_W;
    let mut headers = Group::new().set("class", "people").set("fill", INK);
    let mut columns: Vec<&str> = people.iter().map(|p| p.person.as_str()).collect();
    columns.push("Below");
    for (j, name) in columns.iter().enumerate() {
        let x = x0 + j as f64 * CELL_W + CELL_W / 2.0;
        let y = top - 6.0;
        headers = headers.add(label(name, HEADER_CHARS, x, y).set(
            "transform",
            format!("rotate(-50 {} {})", round(x), round(y)),
        ));
    }
    doc = doc.add(headers);
    let mut grid = Group::new().set("class", "cells");
    let mut y = top;
    let mut area = None;
    for weakness in &team.competencies {
        if area != Some(&weakness.area) {
            area = Some(&weakness.area);
            grid = grid.add(
                label(&weakness.area_title, KEY_CHARS, MARGIN, y + CELL_H - 7.0)
                    .set("font-weight", "bold")
                    .set("fill", INK),
            );
            y += CELL_H;
        }
        grid =
            grid.add(label(&weakness.title, 38, MARGIN + 12.0, y + CELL_H - 7.0).set("fill", INK));
        for (j, person) in people.iter().enumerate() {
            grid = grid.add(cell(
                person,
                &weakness.id,
                &weakness.title,
                x0 + j as f64 * CELL_W,
                y,
            ));
        }
        let below = x0 + people.len() as f64 * CELL_W;
        grid = grid.add(
            Text::new(weakness.below.to_string())
                .set("x", round(below + CELL_W / 2.0))
                .set("y", round(y + CELL_H - 7.0))
                .set("text-anchor", "middle")
                .set("font-weight", "bold")
                .set("fill", INK),
        );
        y += CELL_H;
    }
    doc = doc.add(grid);
    doc = doc.add(heat_legend(MARGIN, y + LINE));
    doc.to_string() + "\n"
}

/// One heatmap cell: its fill, its figure, and a tooltip saying whose and what.
fn cell(person: &Person, id: &str, title: &str, x: f64, y: f64) -> Group {
    let gap = person.gap(id);
    let (fill, white) = heat(gap);
    let (figure, tip) = match gap {
        Some(Some(gap)) => (
            gap.to_string(),
            format!("{}, {title}: gap {gap}", person.person),
        ),
        Some(None) => (
            "?".to_owned(),
            format!("{}, {title}: not scored", person.person),
        ),
        None => (
            String::new(),
            format!("{}, {title}: not expected", person.person),
        ),
    };
    Group::new()
        .add(
            Rectangle::new()
                .set("x", round(x + 1.0))
                .set("y", round(y + 1.0))
                .set("width", CELL_W - 2.0)
                .set("height", CELL_H - 2.0)
                .set("fill", fill)
                .set("stroke", "#dddddd")
                .add(Title::new(markup_text(&tip))),
        )
        .add(
            Text::new(figure)
                .set("x", round(x + CELL_W / 2.0))
                .set("y", round(y + CELL_H - 7.0))
                .set("text-anchor", "middle")
                .set("fill", if white { "#ffffff" } else { INK }),
        )
}

fn heat_legend(x: f64, y: f64) -> Group {
    let mut group = Group::new().set("class", "legend").set("fill", INK);
    let swatches = [
        (Some(Some(0)), "0 met"),
        (Some(Some(1)), "gap 1"),
        (Some(Some(2)), "gap 2"),
        (Some(Some(3)), "gap 3 or more"),
        (Some(None), "? not scored"),
    ];
    let mut at = x;
    for (gap, name) in swatches {
        let (fill, _) = heat(gap);
        group = group
            .add(
                Rectangle::new()
                    .set("x", round(at))
                    .set("y", round(y))
                    .set("width", 18)
                    .set("height", 14)
                    .set("fill", fill)
                    .set("stroke", "#999999"),
            )
            .add(
                Text::new(name)
                    .set("x", round(at + 24.0))
                    .set("y", round(y + 11.0)),
            );
        at += 24.0 + 8.0 * name.len() as f64 + 16.0;
    }
    group
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_with_the_whole_text_in_a_tooltip() {
        assert_eq!(cut("Planning", 10), ("Planning".to_owned(), false));
        assert_eq!(
            cut("Organisation design", 10),
            ("Organisat…".to_owned(), true)
        );
        let node = label("a <b> & c", 44, 1.0, 2.0).to_string();
        assert!(node.contains("a &lt;b&gt; &amp; c"), "{node}");
    }

    #[test]
    fn coordinates_are_rounded_to_a_tenth() {
        assert_eq!(round(1.04999), 1.0);
        assert_eq!(round(-0.04), 0.0);
        assert_eq!(round(199.96), 200.0);
    }
}
