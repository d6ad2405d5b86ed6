//! The growth plan of `ladder plan`, as Markdown to paste into a document or an issue and work
//! through, or as JSON.

use super::markdown;
use super::report::markdown_facts;
use crate::plan::{Plan, Step};

pub fn markdown(plan: &Plan) -> String {
    let esc = markdown::escape;
    let mut out = format!(
        "# Growth plan: {} towards {}\n\n",
        esc(&plan.subject.person),
        esc(&plan.subject.target_title)
    );
    out.push_str(&markdown_facts(&plan.subject, &plan.placement));
    out.push_str("\n## Gaps, most important first\n");
    if plan.gaps.is_empty() {
        out.push_str("\nNo scored competency is below the target.\n");
    }
    for (n, step) in plan.gaps.iter().enumerate() {
        out.push_str(&format!(
            "\n### {}. {}: {} → {}\n\n",
            n + 1,
            esc(&step.title),
            super::figure_or_dash(step.score),
            step.expected
        ));
        out.push_str(&format!("Gap {}, weight {}.\n", step.gap, step.weight));
        push_evidence(&mut out, step);
        push_tasks(&mut out, step);
    }
    if !plan.strengths.is_empty() {
        out.push_str("\n## Strengths\n\n");
        for step in &plan.strengths {
            out.push_str(&format!(
                "- **{}**: {}, above the {} expected.{}\n",
                esc(&step.title),
                super::figure_or_dash(step.score),
                step.expected,
                step.evidence
                    .as_ref()
                    .map_or_else(String::new, |e| format!(" Evidence: {}", esc(e)))
            ));
        }
    }
    if !plan.unscored.is_empty() {
        out.push_str("\n## Not scored yet\n");
        for step in &plan.unscored {
            out.push_str(&format!(
                "\n### {}: expected {}\n",
                esc(&step.title),
                step.expected
            ));
            push_evidence(&mut out, step);
            push_tasks(&mut out, step);
        }
    }
    out
}

fn push_evidence(out: &mut String, step: &Step) {
    if let Some(evidence) = &step.evidence {
        out.push_str(&format!(
            "\nEvidence so far: {}\n",
            markdown::escape(evidence)
        ));
    }
}

/// The signals left to show, as a task list to tick off.
fn push_tasks(out: &mut String, step: &Step) {
    if step.to_show.is_empty() {
        return;
    }
    out.push('\n');
    for signal in &step.to_show {
        out.push_str(&format!("- [ ] {}\n", markdown::escape(signal)));
    }
}
