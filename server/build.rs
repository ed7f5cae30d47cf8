//! Embeds the browser form (bindings-wasm/web) and, when it has been built, the validation
//! WASM package (bindings-wasm/pkg-validate, or the folder named by NIRYAT_WASM_PKG) into the
//! server, so that one binary serves the form. Without the package the form is still served
//! and checks shipments through the API instead (see server/src/web.rs).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(root, &path, out);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.push((rel, path));
        }
    }
}

fn table(name: &str, entries: &[(String, PathBuf)]) -> String {
    let mut s =
        format!("/// Embedded files: (path, bytes).\npub static {name}: &[(&str, &[u8])] = &[\n");
    for (rel, path) in entries {
        let _ = writeln!(s, "    ({rel:?}, include_bytes!({:?})),", path.display().to_string());
    }
    s.push_str("];\n");
    s
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let wasm = manifest.join("../bindings-wasm");
    let web_dir = wasm.join("web");
    let pkg_dir = std::env::var_os("NIRYAT_WASM_PKG")
        .map_or_else(|| wasm.join("pkg-validate"), PathBuf::from);
    println!("cargo::rerun-if-env-changed=NIRYAT_WASM_PKG");

    let mut web = Vec::new();
    files(&web_dir, &web_dir, &mut web);
    // The form's own files only: not the Node dev server or the type-check settings.
    web.retain(|(rel, _)| !rel.ends_with(".mjs") && !rel.starts_with("jsconfig"));
    let mut pkg = Vec::new();
    if pkg_dir.join("niryat_wasm_bg.wasm").is_file() {
        files(&pkg_dir, &pkg_dir, &mut pkg);
        pkg.retain(|(rel, _)| !rel.ends_with(".d.ts"));
    }
    for (_, path) in web.iter().chain(&pkg) {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    println!("cargo::rerun-if-changed={}", web_dir.display());
    if pkg_dir.is_dir() {
        println!("cargo::rerun-if-changed={}", pkg_dir.display());
    } else {
        // A path that does not exist would rerun this script on every build; the folder
        // above it changes when the package is built.
        println!("cargo::rerun-if-changed={}", pkg_dir.parent().unwrap_or(&wasm).display());
    }
    let code = table("WEB", &web) + &table("PKG_VALIDATE", &pkg);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo::error=cannot write {}: {e}", out.display());
    }
}
