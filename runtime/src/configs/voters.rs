//! The voter list of the election: nominators and validators kept in bags by stake
//! (pallet-bags-list), so that an election bounded to `ElectionBoundsOnChain` voters reads the
//! largest stakes first instead of whichever the storage order yields.

use alloc::boxed::Box;
use frame_election_provider_support::{SortedListProvider, VoteWeight};
use frame_support::{
	parameter_types,
	traits::{ConstU32, OnRuntimeUpgrade},
	weights::Weight,
};

use crate::{AccountId, Runtime, RuntimeEvent, Staking, VoterList, EXISTENTIAL_DEPOSIT};

/// The bags list's instance (the runtime has one list, of voters).
pub type VoterBagsInstance = pallet_bags_list::Instance1;

/// How many bags the list has.
pub const BAGS: usize = 200;

/// Each bag's upper bound is this many thousandths of the one below it. 1 111‰ over 198 steps
/// spans 10^9, which takes the first bag from the existential deposit to just under
/// `u64::MAX`; the last bag takes everything above.
pub const RATIO_PER_MILLE: u64 = 1_111;

/// The upper score bound of each bag: the existential deposit's score first, then each bound
/// `RATIO_PER_MILLE` of the previous (at least one more), and `u64::MAX` last. Integer only, so
/// every build computes the same list; changing it needs `List::migrate` on a live chain.
pub const fn thresholds() -> [VoteWeight; BAGS] {
	let mut out = [VoteWeight::MAX; BAGS];
	// Scores are stake converted by `U128CurrencyToVote`, which divides by the issuance over
	// `u64::MAX`: below 18.4 million COD issued, a score is the stake in planck.
	let mut bound = EXISTENTIAL_DEPOSIT as VoteWeight;
	let mut i = 0;
	while i < BAGS - 1 {
		out[i] = bound;
		let next = bound / 1_000 * RATIO_PER_MILLE + bound % 1_000 * RATIO_PER_MILLE / 1_000;
		bound = if next > bound { next } else { bound + 1 };
		i += 1;
	}
	out
}

/// The bag bounds, computed when the runtime is compiled.
pub static THRESHOLDS: [VoteWeight; BAGS] = thresholds();

parameter_types! {
	pub const BagThresholds: &'static [VoteWeight] = &THRESHOLDS;
}

impl pallet_bags_list::Config<VoterBagsInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_bags_list::WeightInfo<Runtime>;
	// A voter's score is its active stake as staking counts it for elections.
	type ScoreProvider = Staking;
	type BagThresholds = BagThresholds;
	// Blocks with weight to spare move up to this many voters whose stake changed to their
	// right bag, so the order stays close without anyone calling `rebag`.
	type MaxAutoRebagPerBlock = ConstU32<10>;
	type Score = VoteWeight;
}

/// Fills the voter list from staking's nominators and validators on the upgrade that
/// introduces it (chains started before spec 107 had no list: the election read staking's
/// maps). A no-op once the list has entries, and on chains whose genesis filled it.
pub struct PopulateVoterList;

impl PopulateVoterList {
	fn voters() -> impl Iterator<Item = AccountId> {
		pallet_staking::Nominators::<Runtime>::iter_keys()
			.chain(pallet_staking::Validators::<Runtime>::iter_keys())
	}
}

impl OnRuntimeUpgrade for PopulateVoterList {
	fn on_runtime_upgrade() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		if <VoterList as SortedListProvider<AccountId>>::count() > 0 {
			return db.reads(1);
		}
		let weight_of = Staking::weight_of_fn();
		let added = <VoterList as SortedListProvider<AccountId>>::unsafe_regenerate(
			Self::voters(),
			Box::new(move |who| Some(weight_of(who))),
		);
		log::info!(target: "runtime::voters", "voter list filled with {added} voters");
		// Per voter: its key, the stake behind its score (bonded, ledger), then the node, its
		// bag and the neighbour it links to, and the counter once.
		let n = u64::from(added);
		db.reads_writes(2 + 4 * n, 1 + 3 * n)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let expected = Self::voters().count() as u32;
		let listed = <VoterList as SortedListProvider<AccountId>>::count();
		frame_support::ensure!(listed == expected, "every staker is in the voter list");
		Ok(())
	}
}
