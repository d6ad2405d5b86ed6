"""Checks the GitHub side of the repository; run by .ci/run from the repository's root.

    python3 .ci/lint-actions.py ACTIONLINT SHELLCHECK

- Every workflow under .github/workflows/ passes actionlint, which runs ShellCheck on each `run:`
  script (and reads action.yml where a workflow uses `./`).
- action.yml, which actionlint does not check as such (it checks workflows): the keys GitHub
  reads for a composite action and nothing else; a description for every input, and every
  input used; each `run:` step names its shell and holds no `${{ }}`, so that no input or
  context is spliced into a script (they go through `env:`). Then its steps are checked by
  actionlint too, as the steps of a workflow whose `workflow_call` inputs are the action's:
  that types every expression in them.
- The scripts the action runs, and .ci/run, pass ShellCheck.

Exits 1 on any finding.
"""

import glob
import os
import re
import subprocess
import sys

import yaml

ACTION_KEYS = {"name", "author", "description", "inputs", "outputs", "runs", "branding"}
INPUT_KEYS = {"description", "required", "default", "deprecationMessage"}
OUTPUT_KEYS = {"description", "value"}
STEP_KEYS = {
    "name", "id", "if", "run", "shell", "env", "working-directory", "uses", "with",
    "continue-on-error",
}
MIRROR = os.path.join("target", "ci", "action-steps-as-workflow.yml")


class Dumper(yaml.SafeDumper):
    """Writes a string of several lines as a block, as a person writes a script."""


def literal_blocks(dumper, text):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


Dumper.add_representer(str, literal_blocks)


def strings(value):
    """Every string in a YAML value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def check_action(path):
    """The findings in action.yml, and the workflow its steps make, or None when it has none."""
    with open(path, encoding="utf-8") as file:
        action = yaml.safe_load(file)
    if not isinstance(action, dict):
        return [f"{path}: not a mapping"], None
    problems = []
    for key in sorted(set(action) - ACTION_KEYS):
        problems.append(f"{path}: unknown key `{key}`")
    for key in ("name", "description", "runs"):
        if key not in action:
            problems.append(f"{path}: no `{key}`")
    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        if not isinstance(spec, dict) or not spec.get("description"):
            problems.append(f"{path}: input `{name}` has no description")
            continue
        for key in sorted(set(spec) - INPUT_KEYS):
            problems.append(f"{path}: input `{name}`: unknown key `{key}`")
        if "default" in spec and not isinstance(spec["default"], str):
            problems.append(f"{path}: input `{name}`: the default is not a string (quote it)")
    for name, spec in (action.get("outputs") or {}).items():
        if not isinstance(spec, dict) or set(spec) != OUTPUT_KEYS:
            problems.append(f"{path}: output `{name}` needs `description` and `value`, only")
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problems.append(f"{path}: runs.using is not `composite`")
    steps = runs.get("steps")
    if not isinstance(steps, list) or not steps:
        return problems + [f"{path}: runs.steps is empty"], None
    for number, step in enumerate(steps, 1):
        where = f"{path}: step {number} ({step.get('name', 'unnamed')})"
        for key in sorted(set(step) - STEP_KEYS):
            problems.append(f"{where}: unknown key `{key}`")
        if ("run" in step) == ("uses" in step):
            problems.append(f"{where}: needs one of `run` and `uses`")
        if "run" in step:
            if "shell" not in step:
                problems.append(f"{where}: a composite `run` step needs `shell`")
            if "${{" in step["run"]:
                problems.append(f"{where}: `${{{{ }}}}` in `run`; pass it through `env:`")
    used = set()
    for text in strings(action):
        used.update(re.findall(r"\binputs\.([A-Za-z0-9_-]+)", text))
    for name in sorted(used - set(inputs)):
        problems.append(f"{path}: `inputs.{name}` is used but not declared")
    for name in sorted(set(inputs) - used):
        problems.append(f"{path}: input `{name}` is declared but never used")

    workflow = {
        "name": f"the steps of {path}",
        "on": {
            "workflow_call": {
                "inputs": {
                    name: {"type": "string", "required": False} for name in inputs
                }
            }
        },
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": steps}},
    }
    return problems, workflow


def main():
    actionlint, shellcheck = sys.argv[1:3]
    failed = False

    workflows = sorted(glob.glob(".github/workflows/*.yml") + glob.glob(".github/workflows/*.yaml"))
    if not workflows:
        print("lint-actions: no workflow under .github/workflows/", file=sys.stderr)
        return 1
    linted = list(workflows)

    problems, workflow = check_action("action.yml")
    for problem in problems:
        print(problem, file=sys.stderr)
    failed |= bool(problems)
    if workflow is not None:
        os.makedirs(os.path.dirname(MIRROR), exist_ok=True)
        with open(MIRROR, "w", encoding="utf-8") as file:
            file.write("# Made by .ci/lint-actions.py from action.yml, for actionlint.\n")
            yaml.dump(workflow, file, Dumper=Dumper, sort_keys=False, width=100)
        linted.append(MIRROR)

    lint = subprocess.run(
        [actionlint, "-no-color", "-shellcheck", shellcheck, "-pyflakes", "", *linted]
    )
    if lint.returncode != 0:
        if workflow is not None:
            print(f"({MIRROR} holds action.yml's steps)", file=sys.stderr)
        failed = True

    scripts = sorted(glob.glob(".github/action/*.sh")) + [".ci/run"]
    check = subprocess.run([shellcheck, "--shell=bash", "--external-sources", *scripts])
    failed |= check.returncode != 0

    if failed:
        return 1
    print(
        f"actionlint: {len(workflows)} workflows and action.yml's steps, no problems; "
        f"shellcheck: {len(scripts)} scripts, no problems"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
