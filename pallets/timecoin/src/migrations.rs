//! Storage migrations of the timecoin ledger: v0 → v1 ([`MigrateV0ToV1`]) builds the engine's
//! stored balances and escrow totals from the coins and escrow already there (see
//! [`utxo_core::ledger_migration_v1`]), and the booking counters and holder records from the
//! open appointments (records made this way hold no deposit); v1 → v2 ([`MigrateV1ToV2`])
//! replaces the holder and issuer indices with one coin index keyed by (issuer, holder) (see
//! [`utxo_core::ledger_migration_v2`]). Stored coins keep their layout.

use core::marker::PhantomData;

use crate::{
	pallet::{
		Appointments, Coins, Config, Escrow, EscrowTotals, HeldTotals, Holders, Holdings,
		OpenBookings, Pallet,
	},
	types::HolderDetails,
};

/// Counts every open appointment under its (issuer, holder) and its holder's record.
fn rebuild_bookings<T: Config>(_: PhantomData<T>) -> (u64, u64) {
	let (mut reads, mut writes) = (0u64, 0u64);
	for (_, a) in Appointments::<T>::iter() {
		reads += 3;
		writes += 2;
		OpenBookings::<T>::mutate(&a.issuer, &a.holder, |n| *n = n.saturating_add(1));
		Holders::<T>::mutate(&a.holder, |r| {
			let r = r.get_or_insert_with(HolderDetails::default);
			r.open = r.open.saturating_add(1);
		});
	}
	(reads, writes)
}

utxo_core::ledger_migration_v1!(then: rebuild_bookings::<T>);
utxo_core::ledger_migration_v2!();
