//! Account records: open offers, settled trades, defaults and disputes, each record holding a
//! deposit from its account.

use frame_support::{ensure, pallet_prelude::*};

use crate::{
	pallet::{AccountDetailsOf, Config, Error, Event, Stats, TradesByAccount},
	types::*,
	Pallet,
};

impl<T: Config> Pallet<T> {
	/// Applies `f` to `who`'s standing, first creating its record and holding `RecordDeposit`
	/// from `who` if it has none. Returns whether it created the record (which costs the
	/// deposit's hold, for the caller's weight).
	///
	/// Errors: `InsufficientDeposit` when a new record's deposit cannot be held.
	pub(crate) fn update_record(
		who: &T::AccountId,
		f: impl FnOnce(&mut AccountStats),
	) -> Result<bool, DispatchError> {
		let (mut record, opened) = match Stats::<T>::get(who) {
			Some(record) => (record, false),
			None => {
				let deposit = T::RecordDeposit::get();
				Self::hold_deposit(who, deposit)?;
				(AccountDetailsOf::<T> { stats: AccountStats::default(), deposit }, true)
			},
		};
		f(&mut record.stats);
		Stats::<T>::insert(who, record);
		Ok(opened)
	}

	/// Removes `who`'s record and releases its deposit.
	///
	/// Errors: `NoRecord`; `RecordInUse` while `who` has an open offer or a pending trade, or a
	/// default or dispute on record, which stay public for counterparties to weigh.
	pub(crate) fn do_close_record(who: &T::AccountId) -> DispatchResult {
		let record = Stats::<T>::get(who).ok_or(Error::<T>::NoRecord)?;
		let s = &record.stats;
		ensure!(
			s.open_offers == 0
				&& s.defaults == 0
				&& s.disputes == 0
				&& TradesByAccount::<T>::iter_key_prefix(who).next().is_none(),
			Error::<T>::RecordInUse
		);
		Stats::<T>::remove(who);
		Self::release_deposit(who, record.deposit)?;
		Self::deposit_event(Event::RecordClosed { who: who.clone() });
		Ok(())
	}
}
