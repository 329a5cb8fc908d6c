//! Registration, offers, and their expiry.

use alloc::collections::BTreeSet;
use codchain_support::deposit;
use frame_support::{ensure, pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, Expiring, HoldReason, NextOfferId, OfferOf, Offers,
		OffersByAccount, OffersByPair, Registered, ResourceOf, Stats,
	},
	types::*,
	CloseReason, OfferTerms, OnChainAssets, Pallet, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Replaces `who`'s registered resources; an empty list withdraws them.
	///
	/// Errors: `UnknownAsset`, `EmptyUnit`, `DuplicateResource`, `InsufficientDeposit`.
	pub(crate) fn do_register(
		who: &T::AccountId,
		resources: BoundedVec<ResourceOf<T>, T::MaxRegistered>,
	) -> DispatchResult {
		let mut seen = BTreeSet::new();
		for r in resources.iter() {
			Self::check_resource(r)?;
			ensure!(seen.insert(r), Error::<T>::DuplicateResource);
		}
		let count = resources.len() as u32;
		let old = Registered::<T>::take(who);
		if let Some((_, deposit)) = &old {
			Self::release_deposit(who, *deposit)?;
		}
		if !resources.is_empty() {
			let deposit = T::RegistrationDeposit::get();
			Self::hold_deposit(who, deposit)?;
			Registered::<T>::insert(who, (resources, deposit));
		}
		Self::deposit_event(Event::ResourcesRegistered { who: who.clone(), resources: count });
		Ok(())
	}

	/// An on-chain resource must exist; an off-chain one must name its unit.
	fn check_resource(r: &ResourceOf<T>) -> DispatchResult {
		match r {
			Resource::OnChain(asset) => ensure!(T::Assets::exists(asset), Error::<T>::UnknownAsset),
			Resource::OffChain { unit, .. } => ensure!(!unit.is_empty(), Error::<T>::EmptyUnit),
		}
		Ok(())
	}

	/// Lists an offer and escrows an on-chain pay resource (from the `coins` named, if any).
	///
	/// Errors: `SameResource`, `ZeroRatio`, `ZeroAmount`, `BadMinimumFill`, `ExpiryInPast`,
	/// `UnknownAsset`, `EmptyUnit`, `Overflow`, `TooManyOffers`, `IdsExhausted`,
	/// `ExpiryBlockFull`, `InsufficientDeposit`, and the asset's own error when the escrow
	/// cannot be taken. Returns the offer's id and how many coins the escrow spent.
	pub(crate) fn do_make_offer(
		offerer: &T::AccountId,
		t: OfferTerms<crate::AssetIdOf<T>, BalanceOf<T>, BlockNumberFor<T>>,
		coins: &[sp_core::H256],
	) -> Result<(OfferId, u32), DispatchError> {
		ensure!(t.pay != t.receive, Error::<T>::SameResource);
		ensure!(t.ratio.pay > 0 && t.ratio.receive > 0, Error::<T>::ZeroRatio);
		ensure!(t.amount > 0, Error::<T>::ZeroAmount);
		ensure!(t.min_fill > 0 && t.min_fill <= t.amount, Error::<T>::BadMinimumFill);
		ensure!(t.expiry > frame_system::Pallet::<T>::block_number(), Error::<T>::ExpiryInPast);
		Self::check_resource(&t.pay)?;
		Self::check_resource(&t.receive)?;
		// The full amount must be priceable, so no acceptance can overflow later.
		Self::price(&t.ratio, t.amount)?;
		let open = Stats::<T>::get(offerer).map_or(0, |r| r.stats.open_offers);
		ensure!(open < T::MaxOffersPerAccount::get(), Error::<T>::TooManyOffers);

		let id = NextOfferId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		if !Self::is_standing(t.expiry) {
			Expiring::<T>::try_mutate(t.expiry, |ids| ids.try_push(id))
				.map_err(|_| Error::<T>::ExpiryBlockFull)?;
		}
		NextOfferId::<T>::put(next);
		let deposit = T::OfferDeposit::get();
		Self::hold_deposit(offerer, deposit)?;
		let spent = match t.pay.asset() {
			Some(asset) => T::Assets::lock(asset, offerer, t.amount, coins)?,
			None => 0,
		};
		Self::update_record(offerer, |s| s.open_offers = s.open_offers.saturating_add(1))?;
		OffersByPair::<T>::insert((&t.pay, &t.receive, id_key(id)), ());
		OffersByAccount::<T>::insert(offerer, id, ());
		Offers::<T>::insert(
			id,
			OfferOf::<T> {
				offerer: offerer.clone(),
				pay: t.pay.clone(),
				receive: t.receive.clone(),
				ratio: t.ratio,
				amount: t.amount,
				remaining: t.amount,
				min_fill: t.min_fill,
				expiry: t.expiry,
				bond: t.bond,
				deposit,
			},
		);
		Self::deposit_event(Event::OfferMade {
			id,
			offerer: offerer.clone(),
			pay: t.pay,
			receive: t.receive,
			ratio: t.ratio,
			amount: t.amount,
			min_fill: t.min_fill,
			expiry: t.expiry,
		});
		Ok((id, spent))
	}

	/// The coins a call paying with `named` coins is charged for before it runs: those named,
	/// or the most a payment may spend when the ledger chooses them.
	pub(crate) fn coins_charged(named: &[sp_core::H256]) -> u32 {
		match named.len() as u32 {
			0 => T::MaxPaymentCoins::get(),
			n => n,
		}
	}

	/// What the acceptor pays for `amount` of the pay resource: `ceil(amount × receive / pay)`,
	/// rounded in the offerer's favour so repeated small fills never pay less in total.
	pub fn price(ratio: &Ratio, amount: Amount) -> Result<Amount, DispatchError> {
		sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			amount,
			ratio.receive,
			ratio.pay,
			sp_runtime::Rounding::Up,
		)
		.ok_or(Error::<T>::Overflow.into())
	}

	/// Whether an offer with this expiry never expires: the largest block number is never
	/// reached, so such an offer is kept out of the expiry queues and stays until it is filled
	/// or cancelled. Exchange desks of joint tokens are offers of this kind.
	pub fn is_standing(expiry: BlockNumberFor<T>) -> bool {
		expiry == <BlockNumberFor<T> as sp_runtime::traits::Bounded>::max_value()
	}

	/// Opens a standing offer (one that never expires, minimum fill 1, no bond) for `owner`,
	/// escrowing `amount` of `pay`. For other pallets that run an offer on behalf of an
	/// account they control, such as a joint token's exchange desk.
	///
	/// Errors: those of `make_offer`.
	pub fn open_standing(
		owner: &T::AccountId,
		pay: ResourceOf<T>,
		receive: ResourceOf<T>,
		ratio: Ratio,
		amount: Amount,
	) -> Result<OfferId, DispatchError> {
		let expiry = <BlockNumberFor<T> as sp_runtime::traits::Bounded>::max_value();
		let terms =
			OfferTerms { pay, receive, ratio, amount, min_fill: 1, expiry, bond: 0u32.into() };
		Self::do_make_offer(owner, terms, &[]).map(|(id, _)| id)
	}

	/// Adds `amount` of the pay resource to `owner`'s open offer `id`, escrowing it. The
	/// calling pallet reports it in its own event.
	///
	/// Errors: `UnknownOffer`, `NotOfferer`, `ZeroAmount`, `Overflow`, and the asset's own
	/// error when the escrow cannot be taken.
	pub fn top_up(owner: &T::AccountId, id: OfferId, amount: Amount) -> DispatchResult {
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::UnknownOffer)?;
		ensure!(&offer.offerer == owner, Error::<T>::NotOfferer);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		offer.amount = offer.amount.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		offer.remaining = offer.remaining.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Self::price(&offer.ratio, offer.amount)?;
		if let Some(asset) = offer.pay.asset() {
			T::Assets::lock(asset, owner, amount, &[])?;
		}
		Offers::<T>::insert(id, offer);
		Ok(())
	}

	/// Sets a new exchange ratio on `owner`'s open offer `id`; acceptances from now on pay at
	/// it. The calling pallet reports it in its own event.
	///
	/// Errors: `UnknownOffer`, `NotOfferer`, `ZeroRatio`, `Overflow`.
	pub fn reprice(owner: &T::AccountId, id: OfferId, ratio: Ratio) -> DispatchResult {
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::UnknownOffer)?;
		ensure!(&offer.offerer == owner, Error::<T>::NotOfferer);
		ensure!(ratio.pay > 0 && ratio.receive > 0, Error::<T>::ZeroRatio);
		Self::price(&ratio, offer.amount)?;
		offer.ratio = ratio;
		Offers::<T>::insert(id, offer);
		Ok(())
	}

	/// What is left of open offer `id`, if it is open.
	pub fn offer_remaining(id: OfferId) -> Option<Amount> {
		Offers::<T>::get(id).map(|o| o.remaining)
	}

	/// Errors: `UnknownOffer`, `NotOfferer`.
	pub(crate) fn do_cancel_offer(who: &T::AccountId, id: OfferId) -> DispatchResult {
		let offer = Offers::<T>::get(id).ok_or(Error::<T>::UnknownOffer)?;
		ensure!(&offer.offerer == who, Error::<T>::NotOfferer);
		Self::unqueue_expiry(offer.expiry, id);
		Self::close_offer(id, offer, CloseReason::Cancelled)
	}

	/// Takes an offer that ends before its expiry block out of that block's queue, removing
	/// the queue when it empties so no empty entry is left behind.
	pub(crate) fn unqueue_expiry(expiry: BlockNumberFor<T>, id: OfferId) {
		Expiring::<T>::mutate_exists(expiry, |ids| {
			if let Some(list) = ids {
				list.retain(|i| *i != id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
	}

	/// Removes an offer, releases its deposit and returns what is left in escrow to the
	/// offerer (who pays any coin deposit from the offer deposit just released). The caller
	/// takes care of the expiry queue.
	pub(crate) fn close_offer(
		id: OfferId,
		offer: OfferOf<T>,
		reason: CloseReason,
	) -> DispatchResult {
		Offers::<T>::remove(id);
		OffersByPair::<T>::remove((&offer.pay, &offer.receive, id_key(id)));
		OffersByAccount::<T>::remove(&offer.offerer, id);
		Self::update_record(&offer.offerer, |s| s.open_offers = s.open_offers.saturating_sub(1))?;
		Self::release_deposit(&offer.offerer, offer.deposit)?;
		let refunded = match offer.pay.asset() {
			Some(asset) if offer.remaining > 0 => {
				let o = &offer.offerer;
				T::Assets::unlock(asset, o, o, offer.remaining, o)?;
				offer.remaining
			},
			_ => 0,
		};
		Self::deposit_event(Event::OfferClosed { id, reason, refunded });
		Ok(())
	}

	/// Closes the offers expiring at block `n`, each in its own storage layer so one failure
	/// does not undo the others. Returns the weight used.
	pub(crate) fn expire_offers(n: BlockNumberFor<T>) -> Weight {
		let ids = Expiring::<T>::take(n);
		let count = ids.len() as u32;
		for id in ids {
			let Some(offer) = Offers::<T>::get(id) else { continue };
			let result = frame_support::storage::with_storage_layer(|| {
				Self::close_offer(id, offer, CloseReason::Expired)
			});
			if let Err(error) = result {
				Self::deposit_event(Event::ExpiryFailed { id, error });
			}
		}
		T::WeightInfo::expire_offers(count)
	}

	pub(crate) fn hold_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit.into())
	}

	pub(crate) fn release_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::release::<_, T::Currency>(&HoldReason::Deposit.into(), who, amount)
	}
}
