//! The ledger: entries, keyless accounts, minting and burning, and what the trade market
//! calls to escrow and move tokens.

use alloc::vec::Vec;
use codchain_support::deposit;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::traits::AccountIdConversion;

use crate::{
	pallet::{
		Automatic, BalanceOf, Config, EntryOf, Error, Event, HoldReason, Kinds, Ledger, Pallet,
	},
	types::*,
};

impl<T: Config> Pallet<T> {
	/// The root account of a kind: keyless, derived from the pallet id and the kind's id.
	/// Tokens paid into it are burned.
	pub fn root_account(jtid: &JtId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"root", jtid))
	}

	/// The incubation fund (孵化基金) of a kind: keyless; the deployer lends from it.
	pub fn incubation_account(jtid: &JtId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"incu", jtid))
	}

	/// The on-chain account of the automatic account whose rule hashes to `id`.
	pub fn automatic_account(id: &sp_core::H256) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"auto", id))
	}

	/// Whether `who` is keyless: a root, an incubation fund or an automatic account. Only the
	/// rules move their tokens, never a signature.
	pub(crate) fn is_keyless(jtid: &JtId, who: &T::AccountId) -> bool {
		who == &Self::root_account(jtid)
			|| who == &Self::incubation_account(jtid)
			|| Automatic::<T>::contains_key(who)
	}

	/// `who`'s free tokens of `jtid`.
	pub fn balance(jtid: &JtId, who: &T::AccountId) -> Amount {
		Ledger::<T>::get(jtid, who).map_or(0, |e| e.free)
	}

	pub(crate) fn hold_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit.into())
	}

	pub(crate) fn release_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::release::<_, T::Currency>(&HoldReason::Deposit.into(), who, amount)
	}

	/// Adds `amount` to `who`'s free tokens, creating its entry (deposit held from `payer`)
	/// if it has none. Tokens paid into the root are burned instead.
	///
	/// Errors: `UnknownKind`, `Overflow`, `InsufficientDeposit`.
	pub(crate) fn credit(
		jtid: &JtId,
		who: &T::AccountId,
		amount: Amount,
		payer: &T::AccountId,
	) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		if who == &Self::root_account(jtid) {
			return Self::burn_supply(jtid, amount);
		}
		match Ledger::<T>::get(jtid, who) {
			Some(mut e) => {
				e.free = e.free.checked_add(amount).ok_or(Error::<T>::Overflow)?;
				Ledger::<T>::insert(jtid, who, e);
			},
			None => {
				let deposit = T::EntryDeposit::get();
				Self::hold_deposit(payer, deposit)?;
				Kinds::<T>::try_mutate(jtid, |k| -> DispatchResult {
					let k = k.as_mut().ok_or(Error::<T>::UnknownKind)?;
					k.entries = k.entries.checked_add(1).ok_or(Error::<T>::Overflow)?;
					Ok(())
				})?;
				Self::count_holding(who, true);
				let e = EntryOf::<T> { free: amount, escrowed: 0, payer: payer.clone(), deposit };
				Ledger::<T>::insert(jtid, who, e);
			},
		}
		Ok(())
	}

	/// Takes `amount` of `who`'s free tokens.
	///
	/// Errors: `InsufficientBalance`.
	pub(crate) fn debit(jtid: &JtId, who: &T::AccountId, amount: Amount) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		Ledger::<T>::try_mutate(jtid, who, |e| -> DispatchResult {
			let e = e.as_mut().ok_or(Error::<T>::InsufficientBalance)?;
			e.free = e.free.checked_sub(amount).ok_or(Error::<T>::InsufficientBalance)?;
			Ok(())
		})
	}

	/// Adds newly issued tokens to the supply.
	pub(crate) fn mint_supply(jtid: &JtId, amount: Amount) -> DispatchResult {
		Kinds::<T>::try_mutate(jtid, |k| -> DispatchResult {
			let k = k.as_mut().ok_or(Error::<T>::UnknownKind)?;
			k.supply = k.supply.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// Takes burned tokens out of the supply.
	pub(crate) fn burn_supply(jtid: &JtId, amount: Amount) -> DispatchResult {
		Kinds::<T>::try_mutate(jtid, |k| -> DispatchResult {
			let k = k.as_mut().ok_or(Error::<T>::UnknownKind)?;
			k.supply = k.supply.checked_sub(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// Keeps an automatic account's count of ledger entries, so that it can only be removed
	/// when it holds nothing.
	fn count_holding(who: &T::AccountId, add: bool) {
		Automatic::<T>::mutate(who, |a| {
			if let Some(a) = a {
				a.holdings =
					if add { a.holdings.saturating_add(1) } else { a.holdings.saturating_sub(1) };
			}
		});
	}

	/// Removes `who`'s empty entry of `jtid`; the holder or its deposit payer may.
	///
	/// Errors: `UnknownEntry`, `NotHolderOrPayer`, `EntryNotEmpty`.
	pub(crate) fn do_close_entry(
		caller: &T::AccountId,
		jtid: JtId,
		who: T::AccountId,
	) -> DispatchResult {
		let e = Ledger::<T>::get(jtid, &who).ok_or(Error::<T>::UnknownEntry)?;
		ensure!(caller == &who || caller == &e.payer, Error::<T>::NotHolderOrPayer);
		ensure!(e.free == 0 && e.escrowed == 0, Error::<T>::EntryNotEmpty);
		Ledger::<T>::remove(jtid, &who);
		Kinds::<T>::mutate(jtid, |k| {
			if let Some(k) = k {
				k.entries = k.entries.saturating_sub(1);
			}
		});
		Self::count_holding(&who, false);
		crate::pallet::AllocPeriod::<T>::remove(&who, jtid);
		Self::release_deposit(&e.payer, e.deposit)?;
		Self::deposit_event(Event::EntryClosed { jtid, who });
		Ok(())
	}

	// --- The trade market's asset interface (the runtime routes `OnChainAssets` here). ---

	/// Whether the kind exists.
	pub fn exists(jtid: &JtId) -> bool {
		Kinds::<T>::contains_key(jtid)
	}

	/// The kind's deployer, the market's "issuer" of the asset.
	pub fn deployer(jtid: &JtId) -> Option<T::AccountId> {
		crate::pallet::Rulebook::<T>::get(jtid).map(|r| r.deployer)
	}

	/// Moves `amount` of `owner`'s free tokens into the market's escrow.
	///
	/// Errors: `InsufficientBalance`, `Overflow`.
	pub fn escrow_lock(jtid: &JtId, owner: &T::AccountId, amount: Amount) -> DispatchResult {
		Ledger::<T>::try_mutate(jtid, owner, |e| -> DispatchResult {
			let e = e.as_mut().ok_or(Error::<T>::InsufficientBalance)?;
			e.free = e.free.checked_sub(amount).ok_or(Error::<T>::InsufficientBalance)?;
			e.escrowed = e.escrowed.checked_add(amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// Pays `amount` out of `owner`'s escrow to `to` (a new entry's deposit from `payer`).
	///
	/// Errors: `InsufficientBalance`, and those of crediting `to`.
	pub fn escrow_unlock(
		jtid: &JtId,
		owner: &T::AccountId,
		to: &T::AccountId,
		amount: Amount,
		payer: &T::AccountId,
	) -> DispatchResult {
		Ledger::<T>::try_mutate(jtid, owner, |e| -> DispatchResult {
			let e = e.as_mut().ok_or(Error::<T>::InsufficientBalance)?;
			e.escrowed = e.escrowed.checked_sub(amount).ok_or(Error::<T>::InsufficientBalance)?;
			Ok(())
		})?;
		Self::credit(jtid, to, amount, payer)?;
		Self::note_redeemed(jtid, owner, to, amount);
		Ok(())
	}

	/// Pays `amount` of `from`'s free tokens to `to`; `from` pays a new entry's deposit. Paid
	/// to the root (a sale to the desk), the tokens are burned.
	///
	/// Errors: `NotSignable`, `InsufficientBalance`, and those of crediting `to`.
	pub fn market_transfer(
		jtid: &JtId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Amount,
	) -> DispatchResult {
		ensure!(!Self::is_keyless(jtid, from), Error::<T>::NotSignable);
		Self::debit(jtid, from, amount)?;
		Self::credit(jtid, to, amount, from)?;
		Self::note_redeemed(jtid, from, to, amount);
		Ok(())
	}

	fn note_redeemed(jtid: &JtId, from: &T::AccountId, to: &T::AccountId, amount: Amount) {
		if amount > 0 && to == &Self::root_account(jtid) {
			Self::deposit_event(Event::Redeemed { jtid: *jtid, from: from.clone(), amount });
		}
	}

	/// `owner`'s tokens in the market's escrow.
	pub fn escrowed(jtid: &JtId, owner: &T::AccountId) -> Amount {
		Ledger::<T>::get(jtid, owner).map_or(0, |e| e.escrowed)
	}

	/// Every non-zero market escrow, for the market's `try_state` only (reads every entry).
	pub fn escrow_entries() -> Vec<(JtId, T::AccountId, Amount)> {
		Ledger::<T>::iter()
			.filter(|(_, _, e)| e.escrowed > 0)
			.map(|(jtid, who, e)| (jtid, who, e.escrowed))
			.collect()
	}
}
