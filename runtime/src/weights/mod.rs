//! Weights measured on the reference machine by `./scripts/benchmark.sh` (see `docs/WEIGHTS.md`):
//! the block and extrinsic base weights (`benchmark overhead`), the database's read and write
//! costs (`benchmark storage` on a chain state of realistic size) and the FRAME pallets' calls
//! (`benchmark pallet`). Our own pallets keep theirs in `pallets/<name>/src/weights.rs`.
//! Every file here is generated: regenerate, never edit.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_bags_list;
pub mod pallet_balances;
pub mod pallet_session;
pub mod pallet_staking;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
// The storage benchmark's template documents struct fields inside an expression.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;

use frame_support::{traits::Get, weights::Weight};
// `::` paths: the modules above shadow the crates of the same names.
use ::frame_system::ExtensionsWeightInfo as _;
use ::pallet_transaction_payment::WeightInfo as _;

/// Storage reads and writes that the benchmarks of the extensions a signed transaction runs
/// count (`CheckNonce`: r:1 w:1, `ChargeTransactionPayment`: r:2 w:2, the payer's and the
/// author's accounts); a test below checks them against the generated files.
const EXTENSION_READS: u64 = 3;
const EXTENSION_WRITES: u64 = 3;

/// The base weight of an extrinsic besides its transaction extensions: decoding, the signature
/// check and the executive's bookkeeping.
///
/// `benchmark overhead` measures blocks of signed `System::remark`s, so its figure
/// ([`extrinsic_weights::ExtrinsicBaseWeight`]) includes executing every transaction extension of
/// such a remark; FRAME also adds each extension's own benchmarked weight to every transaction.
/// Counting both would charge the extensions twice (polkadot-sdk issue 9981). This is the
/// overhead figure less the extensions' measured execution time (their weights without the
/// database accesses, which the overhead blocks, re-writing one account, barely exercise and
/// which the extensions' weights keep charging).
pub struct ExtrinsicBaseWeight;

impl Get<Weight> for ExtrinsicBaseWeight {
	fn get() -> Weight {
		type System = frame_system_extensions::WeightInfo<crate::Runtime>;
		type Payment = pallet_transaction_payment::WeightInfo<crate::Runtime>;
		let extensions = System::check_non_zero_sender()
			.saturating_add(System::check_spec_version())
			.saturating_add(System::check_tx_version())
			.saturating_add(System::check_genesis())
			.saturating_add(System::check_mortality_immortal_transaction())
			.saturating_add(System::check_nonce())
			.saturating_add(System::check_weight())
			.saturating_add(System::weight_reclaim())
			.saturating_add(Payment::charge_transaction_payment());
		let database = <crate::Runtime as ::frame_system::Config>::DbWeight::get()
			.reads_writes(EXTENSION_READS, EXTENSION_WRITES);
		let execution = extensions.ref_time().saturating_sub(database.ref_time());
		let measured = extrinsic_weights::ExtrinsicBaseWeight::get();
		Weight::from_parts(measured.ref_time().saturating_sub(execution), measured.proof_size())
	}
}

/// How many times its warm figure an empty block is charged.
///
/// `benchmark overhead` executes one empty block a hundred times in a row, so every run after the
/// first finds the processor's caches holding that block's code and data. A node imports each
/// block after other work (the previous block, the pool, the network), and an empty block that
/// follows a full one took 2.2 times its warm time in the load runs' re-execution (block #126 of
/// `./scripts/perf.sh dev`: 2.12 ms in the median pass, 0.98 ms averaged over 300 executions in a
/// row; single passes up to 2.8 times; docs/WEIGHTS.md). Three times the measured figure covers
/// that; it is 0.25 % of a block's two seconds and leaves the room for transactions unchanged.
const COLD_BLOCK_FACTOR: u64 = 3;

/// The base weight of a block: [`block_weights::BlockExecutionWeight`], as measured, times
/// [`COLD_BLOCK_FACTOR`].
pub struct BlockExecutionWeight;

impl Get<Weight> for BlockExecutionWeight {
	fn get() -> Weight {
		block_weights::BlockExecutionWeight::get().saturating_mul(COLD_BLOCK_FACTOR)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The `(r:N w:M)` of every `Storage:` line in the doc comment of `function` in `file`.
	fn accesses(file: &str, function: &str) -> (u64, u64) {
		let end = file.find(&format!("fn {function}()")).expect("the function is generated");
		let start = file[..end].rfind("\n\t}").unwrap_or(0);
		file[start..end]
			.lines()
			.filter(|l| l.contains("Storage:"))
			.filter_map(|l| {
				let rw = &l[l.rfind("(r:")? + 3..];
				let (r, w) = rw.trim_end_matches(')').split_once(" w:")?;
				Some((r.parse::<u64>().ok()?, w.parse::<u64>().ok()?))
			})
			.fold((0, 0), |(r, w), (a, b)| (r + a, w + b))
	}

	#[test]
	fn the_extension_database_accesses_match_the_generated_weights() {
		let system = include_str!("frame_system_extensions.rs");
		let payment = include_str!("pallet_transaction_payment.rs");
		let mut total = (0, 0);
		for f in [
			"check_non_zero_sender",
			"check_spec_version",
			"check_tx_version",
			"check_genesis",
			"check_mortality_immortal_transaction",
			"check_nonce",
			"check_weight",
			"weight_reclaim",
		] {
			let (r, w) = accesses(system, f);
			total = (total.0 + r, total.1 + w);
		}
		let (r, w) = accesses(payment, "charge_transaction_payment");
		total = (total.0 + r, total.1 + w);
		assert_eq!(total, (EXTENSION_READS, EXTENSION_WRITES));
	}

	#[test]
	fn the_base_weight_is_the_overhead_less_the_extensions_and_never_more() {
		let base = ExtrinsicBaseWeight::get();
		let measured = extrinsic_weights::ExtrinsicBaseWeight::get();
		assert!(base.ref_time() > 0, "the signature check alone costs something");
		assert!(base.ref_time() < measured.ref_time());
	}
}
