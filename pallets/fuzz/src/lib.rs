//! Randomized invariant testing of Codchain's pallets (a dev-dependency of their tests).
//!
//! A pallet's fuzz test applies long random sequences of calls, valid and invalid, from several
//! accounts to its mock runtime across many blocks. Each call goes through [`Run::attempt`],
//! which checks that a rejected call left the storage root as it was; the test checks the
//! pallet's `try_state` after every block. Every run is one seed of a [`Rng`]: the seed is
//! printed first, so a failure (whose output cargo shows) names the seed that replays it.
//!
//! The environment sets the size of a campaign:
//! - `CODCHAIN_FUZZ_SEED=<n>` replays that one seed;
//! - `CODCHAIN_FUZZ_RUNS` (default: the test's own) seeds, from `CODCHAIN_FUZZ_FIRST` (default
//!   1) on;
//! - `CODCHAIN_FUZZ_STEPS` (default: the test's own) calls per seed.
//!
//! Run with `-- --nocapture` to see each campaign's tally: calls tried, accepted and rejected,
//! per call and per rejection reason.

mod calls;

pub use calls::{harvest_ids, CallGen, Pools};

use std::collections::BTreeMap;

use codec::{DecodeAll, Encode};
use frame_support::{dispatch::DispatchErrorWithPostInfo, traits::UnfilteredDispatchable};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, StateVersion};

/// SplitMix64: small, fast, and the same sequence on every machine for a seed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	pub fn new(seed: u64) -> Self {
		Rng(seed)
	}

	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// Uniform in `0..n` (`0` when `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			return 0;
		}
		// Multiply-shift: no modulo bias worth a test's concern, no loop.
		((self.next_u64() as u128 * n as u128) >> 64) as u64
	}

	/// Uniform in `lo..=hi`.
	pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
		lo.saturating_add(self.below(hi.saturating_sub(lo).saturating_add(1)))
	}

	/// True `percent` times in a hundred.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One of `items` (which must not be empty).
	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		&items[self.below(items.len() as u64) as usize]
	}

	/// Up to `max` of `items`, in random order, repeats allowed only when `repeats`: the
	/// inputs of a call, where a repeat is one of the attacks (a coin spent twice in one call).
	pub fn subset<T: Clone>(&mut self, items: &[T], max: usize, repeats: bool) -> Vec<T> {
		if items.is_empty() {
			return Vec::new();
		}
		let n = self.range(0, max as u64) as usize;
		if repeats {
			return (0..n).map(|_| self.pick(items).clone()).collect();
		}
		let mut pool: Vec<T> = items.to_vec();
		let mut out = Vec::new();
		while out.len() < n && !pool.is_empty() {
			let i = self.below(pool.len() as u64) as usize;
			out.push(pool.swap_remove(i));
		}
		out
	}

	/// An amount from the ranges where bugs live: zero, one, small, near `typical`, huge and
	/// the type's maximum.
	pub fn amount(&mut self, typical: u64) -> u64 {
		match self.below(10) {
			0 => 0,
			1 => 1,
			2 => u64::MAX,
			3 => u64::MAX - self.below(1_000),
			4 => self.range(1, typical.saturating_mul(1_000).max(1)),
			_ => self.range(1, typical.max(1)),
		}
	}
}

/// Coin inputs for a call from `who`'s `own` coins, each with its group (its issuer): usually
/// some coins of one group, the valid shape; otherwise any of `seen` (coins ever seen, spent
/// ones included), with repeats now and then. Returns the group when the coins share one.
pub fn coin_inputs<Id: Clone, Group: Clone + PartialEq>(
	rng: &mut Rng,
	own: &[(Id, Group)],
	seen: &[Id],
	max: usize,
) -> (Option<Group>, Vec<Id>) {
	if !own.is_empty() && rng.chance(80) {
		let group = rng.pick(own).1.clone();
		let of_group: Vec<Id> =
			own.iter().filter(|(_, g)| *g == group).map(|(id, _)| id.clone()).collect();
		let mut picked = rng.subset(&of_group, max, false);
		if picked.is_empty() {
			picked.push(of_group[0].clone());
		}
		return (Some(group), picked);
	}
	let repeats = rng.chance(30);
	(None, rng.subset(seen, max, repeats))
}

/// Outputs for a pour: usually `total` (when it is known) split in two between random
/// `holders`, which balances; otherwise up to `max` random outputs around `typical`.
pub fn coin_outputs<A: Clone>(
	rng: &mut Rng,
	holders: &[A],
	total: Option<u64>,
	max: usize,
	typical: u64,
) -> Vec<(A, u64)> {
	if let (Some(total), true) = (total, rng.chance(70)) {
		let first = rng.range(0, total);
		let mut list =
			vec![(rng.pick(holders).clone(), first), (rng.pick(holders).clone(), total - first)];
		// A zero output is one of the invalid shapes; mostly they are dropped.
		let keep_zero = rng.chance(10);
		list.retain(|(_, a)| *a > 0 || keep_zero);
		return list;
	}
	let n = rng.range(0, max as u64) as usize;
	(0..n).map(|_| (rng.pick(holders).clone(), rng.amount(typical))).collect()
}

/// Adds the ids of `live` that `seen` lacks: what a test remembers to replay spent or closed
/// ids later.
pub fn remember<T: PartialEq>(seen: &mut Vec<T>, live: impl Iterator<Item = T>) {
	for id in live {
		if !seen.contains(&id) {
			seen.push(id);
		}
	}
}

/// Why a call was rejected, for the tally: the module error's name, or the error's kind.
pub trait Rejection {
	fn reason(&self) -> String;
}

impl Rejection for DispatchError {
	fn reason(&self) -> String {
		match self {
			DispatchError::Module(m) => m.message.unwrap_or("module error").to_string(),
			other => {
				let s = format!("{other:?}");
				s.split(['(', ' ']).next().unwrap_or("error").to_string()
			},
		}
	}
}

impl Rejection for DispatchErrorWithPostInfo {
	fn reason(&self) -> String {
		self.error.reason()
	}
}

/// What a campaign did: per call, how often it was accepted and rejected and why.
#[derive(Default, Debug)]
pub struct Tally {
	calls: BTreeMap<String, (u64, u64)>,
	undecodable: u64,
	reasons: BTreeMap<String, u64>,
	blocks: u64,
	seeds: u64,
}

impl Tally {
	pub fn tried(&self) -> u64 {
		self.calls.values().map(|(ok, err)| ok + err).sum()
	}

	pub fn accepted(&self) -> u64 {
		self.calls.values().map(|(ok, _)| ok).sum()
	}

	/// Calls of `name` accepted so far.
	pub fn accepted_of(&self, name: &str) -> u64 {
		self.calls.get(name).map_or(0, |(ok, _)| *ok)
	}

	/// Distinct calls accepted at least once.
	pub fn accepted_calls(&self) -> usize {
		self.calls.values().filter(|(ok, _)| *ok > 0).count()
	}

	/// Distinct rejection reasons seen.
	pub fn reasons(&self) -> usize {
		self.reasons.len()
	}

	fn report(&self, pallet: &str) -> String {
		let mut s = format!(
			"fuzz {pallet}: {} seeds, {} blocks, {} calls tried, {} accepted, {} rejected \
			 ({} distinct reasons), 0 invariant breaks\n",
			self.seeds,
			self.blocks,
			self.tried(),
			self.accepted(),
			self.tried() - self.accepted(),
			self.reasons.len()
		);
		if self.undecodable > 0 {
			s.push_str(&format!(
				"  {} generated calls did not decode (a bound refused them)\n",
				self.undecodable
			));
		}
		for (name, (ok, err)) in &self.calls {
			s.push_str(&format!("  {name}: {ok} accepted, {err} rejected\n"));
		}
		for (reason, n) in &self.reasons {
			s.push_str(&format!("  rejected {reason}: {n}\n"));
		}
		s
	}
}

/// One seed's run: its generator and the campaign's tally.
pub struct Run<'a> {
	pub rng: Rng,
	pub seed: u64,
	tally: &'a mut Tally,
}

impl Run<'_> {
	/// Runs `call`. Accepted, returns its value; rejected, checks it changed no storage
	/// (the storage root is the same) and returns `None`.
	pub fn attempt<R, E: Rejection + core::fmt::Debug>(
		&mut self,
		name: &str,
		call: impl FnOnce() -> Result<R, E>,
	) -> Option<R> {
		let before = sp_io::storage::root(StateVersion::V1);
		let result = call();
		let entry = self.tally.calls.entry(name.to_string()).or_default();
		match result {
			Ok(value) => {
				entry.0 += 1;
				Some(value)
			},
			Err(e) => {
				entry.1 += 1;
				let after = sp_io::storage::root(StateVersion::V1);
				assert_eq!(
					before, after,
					"seed {}: the rejected {name} ({e:?}) changed storage",
					self.seed
				);
				*self.tally.reasons.entry(format!("{name}: {}", e.reason())).or_default() += 1;
				None
			},
		}
	}

	/// A random call of the pallet whose `Call` is `C` (see [`CallGen`]), dispatched from
	/// `origin` through [`attempt`](Self::attempt). Returns whether it was accepted; a call
	/// whose encoding a bound refused is counted apart and not dispatched.
	pub fn random_call<C>(
		&mut self,
		calls: &CallGen,
		pools: &Pools,
		origin: C::RuntimeOrigin,
	) -> bool
	where
		C: codec::Decode + UnfilteredDispatchable,
	{
		let (name, bytes) = calls.call(&mut self.rng, pools);
		let Ok(call) = C::decode_all(&mut &bytes[..]) else {
			self.tally.undecodable += 1;
			return false;
		};
		self.attempt(&name, || call.dispatch_bypass_filter(origin)).is_some()
	}

	/// Counts a block the run moved on to.
	pub fn block(&mut self) {
		self.tally.blocks += 1;
	}

	pub fn tally(&self) -> &Tally {
		self.tally
	}
}

fn env(name: &str) -> Option<u64> {
	std::env::var(name)
		.ok()
		.map(|v| v.trim().parse().unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}")))
}

/// Runs `body` once per seed of the campaign (see the crate's docs for the environment), each
/// in a fresh state from `new_ext`, and prints the tally. Returns it, so a test can require
/// that the sequences reached deep enough (e.g. some calls of each kind were accepted).
pub fn campaign(
	pallet: &str,
	default_runs: u64,
	default_steps: u64,
	mut new_ext: impl FnMut() -> sp_io::TestExternalities,
	mut body: impl FnMut(&mut Run, u64),
) -> Tally {
	let seeds: Vec<u64> = match env("CODCHAIN_FUZZ_SEED") {
		Some(seed) => vec![seed],
		None => {
			let first = env("CODCHAIN_FUZZ_FIRST").unwrap_or(1);
			let runs = env("CODCHAIN_FUZZ_RUNS").unwrap_or(default_runs);
			(first..first.saturating_add(runs)).collect()
		},
	};
	let steps = env("CODCHAIN_FUZZ_STEPS").unwrap_or(default_steps);
	let mut tally = Tally::default();
	for seed in seeds {
		// Printed before the run: cargo shows it with the failure.
		println!(
			"fuzz {pallet}: seed {seed} ({steps} steps; CODCHAIN_FUZZ_SEED={seed} replays it)"
		);
		tally.seeds += 1;
		new_ext().execute_with(|| {
			let mut run = Run { rng: Rng::new(seed), seed, tally: &mut tally };
			body(&mut run, steps);
		});
	}
	println!("{}", tally.report(pallet));
	tally
}

/// A campaign of calls generated from the type information of `C`, a pallet's `Call<T>` (see
/// [`CallGen`]), each signed by one of `accounts`; `end_block` runs every eighth call: it
/// checks the invariants, moves to the next block and returns its number. Ids that exist in
/// storage are harvested again at every block, so calls keep finding what earlier ones made.
pub fn generated_campaign<C, A>(
	pallet: &str,
	default_runs: u64,
	default_steps: u64,
	new_ext: impl FnMut() -> sp_io::TestExternalities,
	accounts: &[A],
	signed: impl Fn(A) -> C::RuntimeOrigin,
	mut end_block: impl FnMut(&mut Run) -> u64,
) -> Tally
where
	A: Encode + Clone,
	C: codec::Decode + TypeInfo + UnfilteredDispatchable + 'static,
{
	let calls = CallGen::new::<C>();
	let encoded = Pools::accounts(accounts);
	campaign(pallet, default_runs, default_steps, new_ext, |run, steps| {
		let mut pools = Pools { accounts: encoded.clone(), now: 1, ids: harvest_ids(64), small: 4 };
		for i in 0..steps {
			let who = run.rng.pick(accounts).clone();
			run.random_call::<C>(&calls, &pools, signed(who));
			if i % 8 == 7 {
				pools.now = end_block(run);
				pools.ids = harvest_ids(64);
			}
		}
		end_block(run);
	})
}

/// The block end of a [`generated_campaign`]: the pallet's invariants hold (else the test fails
/// naming the seed to replay), the block's events are dropped and the chain moves one block on.
///
/// `end_block!(Pallet::do_try_state(), System, advance)` where `advance(n)` runs the mock's
/// hooks up to block `n`, e.g. `System::run_to_block::<AllPalletsWithSystem>`.
#[macro_export]
macro_rules! end_block {
	($try_state:expr, $system:ty, $advance:expr) => {
		|run| {
			$try_state.unwrap_or_else(|e| panic!("seed {}: invariants broken: {e:?}", run.seed));
			<$system>::reset_events();
			$advance(<$system>::block_number() + 1);
			run.block();
			<$system>::block_number()
		}
	};
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_seed_gives_the_same_sequence() {
		let (mut a, mut b) = (Rng::new(7), Rng::new(7));
		let xs: Vec<u64> = (0..100).map(|_| a.next_u64()).collect();
		assert!(xs.iter().all(|x| *x == b.next_u64()));
		assert_ne!(Rng::new(8).next_u64(), xs[0]);
	}

	#[test]
	fn draws_stay_in_range() {
		let mut r = Rng::new(1);
		for _ in 0..10_000 {
			assert!(r.below(7) < 7);
			let x = r.range(3, 5);
			assert!((3..=5).contains(&x));
			assert!(r.subset(&[1, 2, 3], 2, false).len() <= 2);
		}
		assert_eq!(r.below(0), 0);
		let picks: std::collections::BTreeSet<u64> = (0..1_000).map(|_| r.below(4)).collect();
		assert_eq!(picks.len(), 4, "every value comes up");
	}

	#[test]
	fn a_subset_without_repeats_has_distinct_items() {
		let mut r = Rng::new(3);
		for _ in 0..1_000 {
			let s = r.subset(&[1, 2, 3, 4, 5], 5, false);
			let set: std::collections::BTreeSet<_> = s.iter().collect();
			assert_eq!(set.len(), s.len());
		}
	}

	#[test]
	fn a_rejected_call_that_wrote_is_caught() {
		let mut tally = Tally::default();
		sp_io::TestExternalities::default().execute_with(|| {
			let mut run = Run { rng: Rng::new(1), seed: 1, tally: &mut tally };
			assert_eq!(run.attempt("ok", || Ok::<_, DispatchError>(5)), Some(5));
			let clean = run.attempt("clean", || Err::<(), _>(DispatchError::BadOrigin));
			assert_eq!(clean, None);
			let dirty = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
				run.attempt("dirty", || {
					sp_io::storage::set(b"k", b"v");
					Err::<(), _>(DispatchError::BadOrigin)
				})
			}));
			assert!(dirty.is_err(), "a write before the error is reported");
		});
		assert_eq!(tally.accepted_of("ok"), 1);
		// The dirty call failed the check before its reason was counted.
		assert_eq!(tally.reasons(), 1);
	}
}
