//! What a packager takes from the command: shell completions and the manual page, generated from
//! the same argument definitions the command parses (so they cannot drift from it).

use std::process::{Command, Output};

fn niryat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_niryat")).args(args).output().expect("run niryat")
}

fn text(o: &Output) -> String {
    assert!(o.status.success(), "exit {:?}: {}", o.status, String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn bash_completion_offers_every_subcommand_and_render_option() {
    let script = text(&niryat(&["completions", "bash"]));
    assert!(script.contains("complete -F"), "not a bash completion script");
    for word in ["validate", "render", "schema", "kinds", "rules", "import", "completions", "man"] {
        assert!(script.contains(word), "bash completion lacks {word}");
    }
    for option in ["--for", "--draft", "--lang", "--copies", "--format"] {
        assert!(script.contains(option), "bash completion lacks {option}");
    }
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = text(&niryat(&["completions", shell]));
        assert!(script.contains("niryat"), "{shell}: {script}");
    }
    // An unknown shell is a usage error (exit 2), not a crash.
    let o = niryat(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_page_is_roff_naming_the_command_and_its_subcommands() {
    let page = text(&niryat(&["man"]));
    assert!(page.starts_with(".ie") || page.contains(".TH niryat"), "not roff: {}", &page[..80]);
    assert!(page.contains(".TH niryat"));
    for word in ["validate", "render", "completions"] {
        assert!(page.contains(word), "man page lacks {word}");
    }
    assert!(page.contains(env!("CARGO_PKG_VERSION")), "man page lacks the version");
}
