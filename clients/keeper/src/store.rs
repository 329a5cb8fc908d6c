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

	/// Changes the records with `f` and writes them all anew. The new file replaces the old one
	/// only once it is complete, so a crash leaves one or the other.
	pub fn rewrite(&mut self, f: impl FnOnce(&mut Vec<T>)) -> Result<()> {
		let mut items = std::mem::take(&mut self.items);
		f(&mut items);
		let tmp = self.path.with_extension("rewrite");
		let mut file =
			File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
		for item in &items {
			writeln!(file, "{}", serde_json::to_string(item)?)?;
		}
		file.sync_data()?;
		std::fs::rename(&tmp, &self.path)
			.with_context(|| format!("cannot replace {}", self.path.display()))?;
		self.items = items;
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

	#[test]
	fn a_rewrite_replaces_the_records_on_disk() {
		let dir = std::env::temp_dir().join(format!("journal-rw-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("paid.jsonl");
		let _ = std::fs::remove_file(&path);
		let s = |block| Sample { provider: "p".into(), block, space: 10, ok: true };
		let mut j = Journal::open(&path).unwrap();
		for b in 1..=3 {
			j.append(s(b)).unwrap();
		}
		j.rewrite(|items| {
			items.retain(|x| x.block != 2);
			items[1].space = 99;
		})
		.unwrap();
		j.append(s(4)).unwrap();
		let back: Journal<Sample> = Journal::open(&path).unwrap();
		let mut three = s(3);
		three.space = 99;
		assert_eq!(back.items, vec![s(1), three, s(4)]);
		assert!(!path.with_extension("rewrite").exists());
		std::fs::remove_dir_all(dir).unwrap();
	}
}
