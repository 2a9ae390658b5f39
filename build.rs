//! Embeds the course (`lessons/`, `quizzes/`, `assets/`) into the binary so `cargo install` gives a tutor that works
//! from any folder. Generates a table of `(relative path, include_str!)` pairs; cargo re-runs this when they change.

use std::{env, fs, path::Path};

const KEPT: [&str; 3] = [".md", ".toml", ".txt"];

fn collect(root: &Path, rel: &str, out: &mut Vec<String>) {
    println!("cargo:rerun-if-changed={rel}");
    let Ok(read) = fs::read_dir(root.join(rel)) else {
        return;
    };
    let mut entries: Vec<_> = read.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let path = format!("{rel}/{name}");
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect(root, &path, out),
            Ok(t) if t.is_file() && KEPT.iter().any(|ext| name.ends_with(ext)) => out.push(path),
            _ => {}
        }
    }
}

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    for dir in ["lessons", "quizzes", "assets"] {
        collect(Path::new(&root), dir, &mut files);
    }
    let rows: String = files
        .iter()
        .map(|p| {
            format!("    ({p:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{p}\"))),\n")
        })
        .collect();
    let code = format!(
        "/// Every file of the built-in course, as `(path relative to the crate, contents)`.\n\
         pub static FILES: &[(&str, &str)] = &[\n{rows}];\n"
    );
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_course.rs");
    fs::write(out, code).expect("write embedded_course.rs");
}
