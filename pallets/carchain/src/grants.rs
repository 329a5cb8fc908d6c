//! Ownership sale (the seed's `send(…, resell, dup)`): a buyer escrows a price, the seller
//! grants the record with its value key wrapped for the buyer and is paid.

use codchain_support::deposit;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
};
use sp_runtime::traits::Zero;

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, GrantOf, Grants, HoldReason, Pallet, PurchaseOf,
		Purchases, Records, WrappedKeyOf,
	},
	EncryptionKey, RecordId,
};

/// What a seller may pass on: everything for the record's address, the grant's flags for a
/// grantee.
struct SellerRights {
	resell: bool,
	dup: bool,
	owner: bool,
}

impl<T: Config> Pallet<T> {
	/// `who`'s rights to sell `record`, or `NotASeller`/`NotResellable`.
	fn seller_rights(record: &RecordId, who: &T::AccountId) -> Result<SellerRights, DispatchError> {
		let r = Records::<T>::get(record).ok_or(Error::<T>::UnknownRecord)?;
		if &r.address == who {
			return Ok(SellerRights { resell: true, dup: true, owner: true });
		}
		let g = Grants::<T>::get(record, who).ok_or(Error::<T>::NotASeller)?;
		ensure!(g.resell, Error::<T>::NotResellable);
		Ok(SellerRights { resell: g.resell, dup: g.dup, owner: false })
	}

	/// Whether `who` holds `record` already (its address or a grantee).
	fn holds(record: &RecordId, who: &T::AccountId) -> bool {
		Records::<T>::get(record).is_some_and(|r| &r.address == who)
			|| Grants::<T>::contains_key(record, who)
	}

	/// Errors: `UnknownRecord`, `NotASeller`, `NotResellable`, `AlreadyHolder`,
	/// `PurchaseExists`, `ZeroPayment`, `InsufficientFunds`.
	pub(crate) fn do_offer_purchase(
		buyer: T::AccountId,
		record: RecordId,
		seller: T::AccountId,
		price: BalanceOf<T>,
		encryption_key: EncryptionKey,
	) -> DispatchResult {
		Self::seller_rights(&record, &seller)?;
		ensure!(!Self::holds(&record, &buyer), Error::<T>::AlreadyHolder);
		ensure!(!Purchases::<T>::contains_key(record, &buyer), Error::<T>::PurchaseExists);
		ensure!(!price.is_zero(), Error::<T>::ZeroPayment);
		let amount = T::GrantDeposit::get();
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &buyer, amount)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		T::Currency::hold(&HoldReason::Escrow.into(), &buyer, price)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		let offer: PurchaseOf<T> =
			crate::Purchase { seller: seller.clone(), price, encryption_key, deposit: amount };
		Purchases::<T>::insert(record, &buyer, offer);
		Self::deposit_event(Event::PurchaseOffered { record, buyer, seller, price });
		Ok(())
	}

	/// Errors: `NoPurchase`.
	pub(crate) fn do_cancel_purchase(buyer: T::AccountId, record: RecordId) -> DispatchResult {
		let offer = Purchases::<T>::take(record, &buyer).ok_or(Error::<T>::NoPurchase)?;
		T::Currency::release(&HoldReason::Escrow.into(), &buyer, offer.price, Precision::Exact)?;
		deposit::release::<_, T::Currency>(&HoldReason::Deposit.into(), &buyer, offer.deposit)?;
		Self::deposit_event(Event::PurchaseCancelled { record, buyer, refunded: offer.price });
		Ok(())
	}

	/// Errors: `UnknownRecord`, `NotASeller`, `NotResellable`, `FlagsBeyondOwn`, `SelfGrant`,
	/// `AlreadyHolder`, `InsufficientFunds`, `Overflow`.
	pub(crate) fn do_grant(
		granter: T::AccountId,
		record: RecordId,
		grantee: T::AccountId,
		wrapped_key: WrappedKeyOf<T>,
		resell: bool,
		dup: bool,
	) -> DispatchResult {
		let rights = Self::seller_rights(&record, &granter)?;
		ensure!(granter != grantee, Error::<T>::SelfGrant);
		ensure!(!Self::holds(&record, &grantee), Error::<T>::AlreadyHolder);
		ensure!((rights.resell || !resell) && (rights.dup || !dup), Error::<T>::FlagsBeyondOwn);
		// A buyer's offer to this granter becomes the grant: its price is paid and its deposit
		// carries over. An offer to another seller stays.
		let offer = Purchases::<T>::get(record, &grantee).filter(|o| o.seller == granter);
		let (depositor, amount, paid) = match &offer {
			Some(o) => {
				Self::pay_held(&grantee, &granter, o.price)?;
				Purchases::<T>::remove(record, &grantee);
				(grantee.clone(), o.deposit, o.price)
			},
			None => {
				let amount = T::GrantDeposit::get();
				deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &granter, amount)
					.map_err(|_| Error::<T>::InsufficientFunds)?;
				(granter.clone(), amount, Zero::zero())
			},
		};
		let grant: GrantOf<T> = crate::Grant {
			granted_by: granter.clone(),
			wrapped_key,
			resell,
			dup,
			block: frame_system::Pallet::<T>::block_number(),
			depositor,
			deposit: amount,
		};
		Grants::<T>::insert(record, &grantee, grant);
		// Without `dup` a grantee's right moves instead of being copied.
		let moved = !rights.owner && !rights.dup;
		if moved {
			Self::drop_grant(record, &granter)?;
		} else {
			Records::<T>::try_mutate(record, |r| -> DispatchResult {
				let r = r.as_mut().ok_or(Error::<T>::UnknownRecord)?;
				r.grants = r.grants.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})?;
		}
		Self::deposit_event(Event::Granted { record, granter, grantee, resell, dup, paid });
		Ok(())
	}

	/// Errors: `NoGrant`.
	pub(crate) fn do_renounce_grant(grantee: T::AccountId, record: RecordId) -> DispatchResult {
		ensure!(Grants::<T>::contains_key(record, &grantee), Error::<T>::NoGrant);
		Self::drop_grant(record, &grantee)?;
		Records::<T>::mutate(record, |r| {
			if let Some(r) = r {
				r.grants = r.grants.saturating_sub(1);
			}
		});
		Self::deposit_event(Event::GrantRenounced { record, grantee });
		Ok(())
	}

	/// Removes a grant and returns its deposit (the record's count is the caller's).
	fn drop_grant(record: RecordId, grantee: &T::AccountId) -> DispatchResult {
		let g = Grants::<T>::take(record, grantee).ok_or(Error::<T>::NoGrant)?;
		deposit::release::<_, T::Currency>(&HoldReason::Deposit.into(), &g.depositor, g.deposit)
	}

	/// Pays `amount` out of `from`'s `Escrow` hold to `to`'s free balance.
	pub(crate) fn pay_held(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer_on_hold(
			&HoldReason::Escrow.into(),
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)?;
		Ok(())
	}

	/// What `who` has in escrow here.
	pub fn escrowed(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::Escrow.into(), who)
	}
}
