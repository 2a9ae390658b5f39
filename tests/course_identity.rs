//! A `--content` course is its own course: its title, blurb and banner on the welcome screen, its phase in the
//! summary, never the built-in course's words.

mod common;

use std::{
    fs,
    io::Write,
    path::Path,
    process::{Output, Stdio},
};

use common::{bin, text};
use dea_tutor::{course::CourseFiles, session::Session};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

const BANNER: &str = " _  _ _\n| \\/ (_)_ _\n| |\\/| | ' \\\n|_|  |_|_||_| ```";

/// The fixture course's lessons under `course_toml`, in `dir`.
fn course(dir: &Path, course_toml: &str) {
    fs::create_dir_all(dir.join("lessons")).unwrap();
    for name in ["01-alpha.md", "02-beta.md"] {
        fs::copy(
            Path::new(MINI).join("lessons").join(name),
            dir.join("lessons").join(name),
        )
        .unwrap();
    }
    fs::write(dir.join("lessons/course.toml"), course_toml).unwrap();
}

fn own_course(dir: &Path) {
    course(
        dir,
        &format!(
            "title = \"Kitchen Basics\"\nphase = \"Part 2 — Knives\"\n\
             blurb = \"How to hold, sharpen and store a knife.\"\n\
             banner = '''\n{BANNER}\n'''\ntopics = [\"alpha\", \"beta\"]\n"
        ),
    );
}

fn plain(dir: &Path, progress: &Path, script: &str) -> Output {
    let mut child = bin()
        .args(["--plain", "--content"])
        .arg(dir)
        .arg("--progress")
        .arg(progress)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(script.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn the_welcome_and_the_summary_are_the_courses_own() {
    let tmp = tempfile::tempdir().unwrap();
    own_course(tmp.path());
    let out = plain(tmp.path(), &tmp.path().join("p.toml"), "done\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for own in [
        "Part 2 — Knives",
        "Kitchen Basics",
        "How to hold, sharpen and store a knife. 2 topics:",
        "Where you are: Part 2 — Knives",
        "goto 2",
    ] {
        assert!(stdout.contains(own), "{own}: {stdout}");
    }
    for built_in in ["DEA-C01", "Phase 6", "This phase teaches", "|____/"] {
        assert!(!stdout.contains(built_in), "{built_in}: {stdout}");
    }
}

#[test]
fn without_blurb_or_banner_the_welcome_says_only_what_the_course_says() {
    let tmp = tempfile::tempdir().unwrap();
    course(
        tmp.path(),
        "title = \"T\"\nphase = \"P\"\ntopics = [\"alpha\"]\n",
    );
    fs::remove_file(tmp.path().join("lessons/02-beta.md")).unwrap();
    let course = CourseFiles::from_dir(tmp.path())
        .and_then(|f| f.parse())
        .unwrap();
    let welcome = Session::new(&course, None).welcome(true);
    assert!(
        welcome.starts_with("# P\n\n*T*\n\n1 topic:\n\n"),
        "{welcome}"
    );
}

#[test]
fn the_banner_is_fenced_as_written_and_can_be_left_out() {
    let tmp = tempfile::tempdir().unwrap();
    own_course(tmp.path());
    let course = CourseFiles::from_dir(tmp.path())
        .and_then(|f| f.parse())
        .unwrap();
    let session = Session::new(&course, None);
    // The art ends in three backticks: the fence is longer, so the art cannot close it.
    let with = session.welcome(true);
    assert!(
        with.starts_with(&format!("````\n{BANNER}\n````\n\n# Part 2 — Knives\n")),
        "{with}"
    );
    let without = session.welcome(false);
    assert!(without.starts_with("# Part 2 — Knives\n"), "{without}");
    assert_eq!(
        with.replace(&format!("````\n{BANNER}\n````\n\n"), ""),
        without
    );
}

/// `dea-tutor --plain` on the built-in course (no folder) or on `dir`.
fn plain_on(dir: Option<&Path>, progress: &Path, script: &str) -> String {
    let mut cmd = bin();
    cmd.arg("--plain").arg("--progress").arg(progress);
    if let Some(dir) = dir {
        cmd.arg("--content").arg(dir);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(script.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn each_course_resumes_where_it_stopped() {
    let tmp = tempfile::tempdir().unwrap();
    let progress = tmp.path().join("p.toml");
    let mine = tmp.path().join("mine");
    own_course(&mine);
    plain_on(None, &progress, "continue\ncontinue\nquit\n");
    plain_on(
        Some(&mine),
        &progress,
        "continue\ncontinue\ncontinue\nquit\n",
    );
    let built_in = plain_on(None, &progress, "quit\n");
    assert!(
        built_in.contains("Welcome back: topic 11, step 2 of"),
        "{built_in}"
    );
    let own = plain_on(Some(&mine), &progress, "quit\n");
    assert!(own.contains("Welcome back: topic 1, step 3 of"), "{own}");
}

#[test]
fn a_course_with_an_id_keeps_its_progress_when_its_folder_moves() {
    let tmp = tempfile::tempdir().unwrap();
    let progress = tmp.path().join("p.toml");
    let (first, moved) = (tmp.path().join("first"), tmp.path().join("moved"));
    own_course(&first);
    let with_id = |dir: &Path| {
        let toml = fs::read_to_string(dir.join("lessons/course.toml")).unwrap();
        fs::write(
            dir.join("lessons/course.toml"),
            format!("id = \"knives\"\n{toml}"),
        )
        .unwrap();
    };
    with_id(&first);
    plain_on(Some(&first), &progress, "continue\ncontinue\nquit\n");
    fs::rename(&first, &moved).unwrap();
    let again = plain_on(Some(&moved), &progress, "quit\n");
    assert!(
        again.contains("Welcome back: topic 1, step 2 of"),
        "{again}"
    );
    // Without an id, the folder is the course: a copy elsewhere starts afresh.
    let copy = tmp.path().join("copy");
    own_course(&copy);
    let fresh = plain_on(Some(&copy), &progress, "quit\n");
    assert!(!fresh.contains("Welcome back"), "{fresh}");
}
