//! Invariants checked by `try_state` (and by every unit test after each step).

use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::pallet::{BalanceOf, Claims, Config, HoldReason, Issuers, NextClaimId, Pallet};

impl<T: Config> Pallet<T> {
	/// - the ledger's own (`ledger_try_state`): coins, indices, stored balances and escrow
	///   totals agree;
	/// - for each issuer, `supply == sum(live coins) + sum(escrow)`, and every coin belongs to
	///   a recorded issuer;
	/// - claim ids are below `NextClaimId`, claims exist only for recorded issuers;
	/// - deposits: each account's `CoinDeposit` hold is the deposits of the coins it paid for,
	///   each issuer's `IssuerDeposit` and `ClaimDeposit` holds those of its record and claims.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let totals = Self::ledger_try_state()?;
		let mut owed = totals.owed;
		for (issuer, info) in Issuers::<T>::iter() {
			let due = owed.remove(&issuer).unwrap_or(0);
			ensure!(due == info.supply, "supply != coins + escrow");
			let held = T::Currency::balance_on_hold(&HoldReason::IssuerDeposit.into(), &issuer);
			ensure!(held == info.deposit, "issuer deposit hold != its record's deposit");
		}
		ensure!(owed.is_empty(), "coins of an issuer with no record");

		let next = NextClaimId::<T>::get();
		for (issuer, claims) in Claims::<T>::iter() {
			ensure!(Issuers::<T>::contains_key(&issuer), "claims of an issuer with no record");
			ensure!(claims.iter().all(|c| c.id < next), "a claim id from the future");
			let expected =
				claims.iter().fold(BalanceOf::<T>::zero(), |acc, c| acc.saturating_add(c.deposit));
			let held = T::Currency::balance_on_hold(&HoldReason::ClaimDeposit.into(), &issuer);
			ensure!(held == expected, "claim deposit hold != its claims' deposits");
		}
		for (who, expected) in totals.coin_deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::CoinDeposit.into(), &who);
			ensure!(held == expected, "coin deposit hold != the coins it paid for");
		}
		Ok(())
	}
}
