//! The checks of `codchain-try-upgrade`, on any state: the binary feeds them a live chain's, the
//! tests a genesis state made to look like an older chain's.
#![cfg(feature = "try-runtime")]

use std::{cell::RefCell, time::Instant};

use anyhow::{anyhow, bail};
use codchain_runtime::{Executive, Runtime, RuntimeBlockWeights, VERSION};
use frame_try_runtime::UpgradeCheckSelect;
use sp_core::Hasher;
use sp_state_machine::TestExternalities;

thread_local! {
	/// Error lines the runtime logged on this thread during the current dry run: FRAME reports
	/// which pallet's check failed only in its log.
	static LOGGED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

struct Recorder;

impl log::Log for Recorder {
	fn enabled(&self, metadata: &log::Metadata) -> bool {
		metadata.level() <= log::Level::Warn
	}

	fn log(&self, record: &log::Record) {
		if !self.enabled(record.metadata()) {
			return;
		}
		let line = format!("{} {}: {}", record.level(), record.target(), record.args());
		eprintln!("{line}");
		if record.level() == log::Level::Error {
			LOGGED.with(|l| l.borrow_mut().push(line));
		}
	}

	fn flush(&self) {}
}

/// Prints the runtime's warnings and errors to stderr and keeps its errors for the reason a dry
/// run gives when it refuses. Call once; later calls do nothing.
pub fn init_logging() {
	if log::set_logger(&Recorder).is_ok() {
		log::set_max_level(log::LevelFilter::Warn);
	}
}

/// `what` failed: with every error the runtime logged meanwhile.
fn failed(what: &str, e: impl core::fmt::Debug) -> anyhow::Error {
	let logged = LOGGED.with(|l| core::mem::take(&mut *l.borrow_mut()));
	anyhow!("{what}: {e:?}{}{}", if logged.is_empty() { "" } else { "; " }, logged.join("; "))
}

/// What a successful dry run found.
#[derive(Debug)]
pub struct Report {
	pub from_name: String,
	pub from_version: u32,
	/// Keys in the state the upgrade ran on.
	pub keys: u64,
	pub weight: frame_support::weights::Weight,
	/// The weight's share of a whole block (ref time).
	pub share_of_block: f64,
	/// Wall time of the native run with every check.
	pub seconds: f64,
}

/// Runs what the first block of this runtime would run on `ext`: every migration with its
/// `pre_upgrade`/`post_upgrade` checks, then every pallet's `try_state`. Refuses an upgrade that
/// is not one (another `spec_name`, a `spec_version` not higher than the chain's), fails a check,
/// weighs more than a block, or writes again when its migrations run a second time.
pub fn dry_run<H>(ext: &mut TestExternalities<H>) -> anyhow::Result<Report>
where
	H: Hasher + 'static,
	H::Out: Ord + 'static + codec::Codec,
{
	let keys = ext.execute_with(count_keys);
	let on_chain = ext
		.execute_with(frame_system::LastRuntimeUpgrade::<Runtime>::get)
		.ok_or_else(|| anyhow!("the chain records no runtime version (LastRuntimeUpgrade)"))?;
	let (from_name, from_version) = (on_chain.spec_name.to_string(), on_chain.spec_version.0);
	if from_name != VERSION.spec_name {
		bail!("the chain runs `{from_name}`, this runtime is `{}`", VERSION.spec_name);
	}
	if VERSION.spec_version <= from_version {
		bail!(
			"spec_version {} is not higher than the chain's {from_version}: setCode refuses it",
			VERSION.spec_version
		);
	}

	// The first run does all the checks; the second, none, only to see whether it writes again.
	LOGGED.with(|l| l.borrow_mut().clear());
	let started = Instant::now();
	let weight = ext
		.execute_with(|| Executive::try_runtime_upgrade(UpgradeCheckSelect::All))
		.map_err(|e| failed("the upgrade's checks failed", e))?;
	let seconds = started.elapsed().as_secs_f64();
	let root = storage_root(ext);
	ext.execute_with(|| Executive::try_runtime_upgrade(UpgradeCheckSelect::None))
		.map_err(|e| failed("the second run of the migrations failed", e))?;
	if storage_root(ext) != root {
		bail!("the migrations are not idempotent: a second run changed the state");
	}

	let max = RuntimeBlockWeights::get().max_block;
	if weight.any_gt(max) {
		bail!("the upgrade weighs {weight:?}, more than a whole block ({max:?})");
	}
	Ok(Report {
		from_name,
		from_version,
		keys,
		weight,
		share_of_block: weight.ref_time() as f64 / max.ref_time() as f64,
		seconds,
	})
}

fn storage_root<H>(ext: &mut TestExternalities<H>) -> Vec<u8>
where
	H: Hasher + 'static,
	H::Out: Ord + 'static + codec::Codec,
{
	let version = ext.state_version;
	ext.execute_with(|| sp_io::storage::root(version))
}

fn count_keys() -> u64 {
	let (mut n, mut key) = (0u64, Vec::new());
	while let Some(next) = sp_io::storage::next_key(&key) {
		n += 1;
		key = next;
	}
	n
}
