//! A keeper's own records, in append-only JSON-lines files under its data directory, so they
//! survive a restart: challenge outcomes and the payments it made.

use std::{
	fs::{File, OpenOptions},
	io::{BufRead, BufReader, Write},
	path::{Path, PathBuf},
};

use anyhow::{Context, Result};
use serde::{de::DeserializeOwned, Serialize};

/// An append-only file of JSON records, one per line.
pub struct Journal<T> {
	path: PathBuf,
	pub items: Vec<T>,
}

impl<T: Serialize + DeserializeOwned> Journal<T> {
	/// Opens (or starts) the journal at `path` and reads every record back. A torn last line
	/// (the process died mid-write) is skipped.
	pub fn open(path: &Path) -> Result<Self> {
		let mut items = Vec::new();
		if path.exists() {
			let file =
				File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
			for line in BufReader::new(file).lines() {
				let line = line?;
				if let Ok(item) = serde_json::from_str(&line) {
					items.push(item);
				}
			}
		}
		Ok(Self { path: path.to_path_buf(), items })
	}

	/// Writes `item` to disk, then keeps it in memory.
	pub fn append(&mut self, item: T) -> Result<()> {
		let mut file = OpenOptions::new()
			.create(true)
			.append(true)
			.open(&self.path)
			.with_context(|| format!("cannot write {}", self.path.display()))?;
		writeln!(file, "{}", serde_json::to_string(&item)?)?;
		file.sync_data()?;
		self.items.push(item);
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::spacetime::Sample;

	#[test]
	fn records_survive_a_restart_and_a_torn_line() {
		let dir = std::env::temp_dir().join(format!("journal-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("samples.jsonl");
		let _ = std::fs::remove_file(&path);
		let s = |block| Sample { provider: "p".into(), block, space: 10, ok: true };
		let mut j = Journal::open(&path).unwrap();
		j.append(s(1)).unwrap();
		j.append(s(2)).unwrap();
		drop(j);
		OpenOptions::new().append(true).open(&path).unwrap().write_all(b"{\"provider\":").unwrap();
		let j: Journal<Sample> = Journal::open(&path).unwrap();
		assert_eq!(j.items, vec![s(1), s(2)]);
		std::fs::remove_dir_all(dir).unwrap();
	}
}
