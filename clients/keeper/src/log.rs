//! One line per event on stderr, with the time: what a round did and why.

fn line(level: &str, message: &str) {
	let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
	eprintln!("{now} {level} {message}");
}

pub fn info(message: &str) {
	line("INFO", message);
}

pub fn warn(message: &str) {
	line("WARN", message);
}
