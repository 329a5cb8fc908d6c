//! Benchmarks of every call and of the expiry hook (frame-benchmarking v2), each in its worst
//! case: the runtime's costliest assets (coins that move through pours), full expiry queues,
//! offers that close on the fill.

use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{Bounded, One};

use crate::{pallet::*, traits::BenchmarkHelper, types::*, OfferTerms};

const AMOUNT: Amount = 1_000_000;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000u32.into());
	who
}

fn coin<T: Config>(n: u32) -> ResourceOf<T> {
	Resource::OnChain(T::BenchmarkHelper::asset(n))
}

fn native<T: Config>() -> ResourceOf<T> {
	Resource::OnChain(T::BenchmarkHelper::native())
}

fn fiat<T: Config>() -> ResourceOf<T> {
	Resource::OffChain {
		kind: OffChainKind::Fiat,
		unit: BoundedVec::truncate_from(b"CNY".to_vec()),
	}
}

fn expiry<T: Config>() -> BlockNumberFor<T> {
	1_000u32.into()
}

/// `who` offers `AMOUNT` of coin 0 (funded and escrowed) for `receive` at 1:1, after
/// `MaxExpiringPerBlock - 1` other offers expiring at the same block.
fn open_offer<T: Config>(who: &T::AccountId, receive: ResourceOf<T>, bond: u32) -> OfferId {
	open_offer_of::<T>(who, coin::<T>(0), receive, bond)
}

/// `who` offers `AMOUNT` of `pay` (funded and escrowed when it is coin 0) for `receive` at
/// 1:1, after `MaxExpiringPerBlock - 1` other offers expiring at the same block, so closing it
/// rewrites a full expiry queue.
fn open_offer_of<T: Config>(
	who: &T::AccountId,
	pay: ResourceOf<T>,
	receive: ResourceOf<T>,
	bond: u32,
) -> OfferId {
	for k in 0..T::MaxExpiringPerBlock::get() - 1 {
		let other = funded::<T>("other", k);
		T::BenchmarkHelper::fund(&T::BenchmarkHelper::asset(0), &other, 1, 1);
		let terms = terms::<T>(coin::<T>(0), fiat::<T>(), 1, 0);
		Pallet::<T>::do_make_offer(&other, terms, &[]).expect("offers");
	}
	if pay == coin::<T>(0) {
		T::BenchmarkHelper::fund(&T::BenchmarkHelper::asset(0), who, AMOUNT, 1);
	}
	let (id, _) = Pallet::<T>::do_make_offer(who, terms::<T>(pay, receive, AMOUNT, bond), &[])
		.expect("offers");
	id
}

fn terms<T: Config>(
	pay: ResourceOf<T>,
	receive: ResourceOf<T>,
	amount: Amount,
	bond: u32,
) -> OfferTerms<AssetIdOf<T>, BalanceOf<T>, BlockNumberFor<T>> {
	OfferTerms {
		pay,
		receive,
		ratio: Ratio { pay: 1, receive: 1 },
		amount,
		min_fill: 1,
		expiry: expiry::<T>(),
		bond: bond.into(),
	}
}

/// A pending trade: coin 0 (escrowed) against fiat, bonded.
fn pending_trade<T: Config>(offerer: &T::AccountId, acceptor: &T::AccountId) -> TradeId {
	let id = open_offer::<T>(offerer, fiat::<T>(), 1_000);
	Pallet::<T>::do_accept(acceptor, id, AMOUNT, &[]).expect("accepts").trade
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Replacing an existing list with `r` resources, each a coin of its own issuer, so each
	/// one reads its issuer's record.
	#[benchmark]
	fn register_resources(r: Linear<1, { T::MaxRegistered::get() }>) {
		let who = funded::<T>("who", 0);
		let one = BoundedVec::truncate_from(vec![coin::<T>(0)]);
		Pallet::<T>::do_register(&who, one).expect("registers");
		let list: alloc::vec::Vec<ResourceOf<T>> = (0..r).map(|i| coin::<T>(10 + i)).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), BoundedVec::truncate_from(list));
		assert_eq!(Pallet::<T>::registered(who).len() as u32, r);
	}

	/// An offer of a coin whose escrow spends `i` coins, each with its deposit from a
	/// different account.
	#[benchmark]
	fn make_offer(i: Linear<1, { T::MaxPaymentCoins::get() }>) {
		let who = funded::<T>("offerer", 0);
		let pay = coin::<T>(0);
		let receive = coin::<T>(1);
		T::BenchmarkHelper::fund(&T::BenchmarkHelper::asset(0), &who, AMOUNT, i);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			pay,
			receive,
			Ratio { pay: 1, receive: 2 },
			AMOUNT,
			1,
			expiry::<T>(),
			0u32.into(),
			Default::default(),
		);
		assert_eq!(Pallet::<T>::stats(who).open_offers, 1);
	}

	#[benchmark]
	fn cancel_offer() {
		let who = funded::<T>("offerer", 0);
		let id = open_offer::<T>(&who, coin::<T>(1), 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id);
		assert!(Offers::<T>::get(id).is_none());
	}

	/// Coin for coin, filling the offer: both legs move at once, the acceptor's payment
	/// spends `i` coins, and the offer closes.
	#[benchmark]
	fn accept_on_chain(i: Linear<1, { T::MaxPaymentCoins::get() }>) {
		let offerer = funded::<T>("offerer", 0);
		let acceptor = funded::<T>("acceptor", 0);
		let id = open_offer::<T>(&offerer, coin::<T>(1), 0);
		T::BenchmarkHelper::fund(&T::BenchmarkHelper::asset(1), &acceptor, AMOUNT, i);
		#[extrinsic_call]
		accept(RawOrigin::Signed(acceptor.clone()), id, AMOUNT, Default::default());
		assert_eq!(Pallet::<T>::stats(acceptor).settled, 1);
	}

	/// Coin for the native currency, filling the offer on the acceptor's first trade: the
	/// costliest pay leg (a coin out of escrow), a full expiry queue rewritten, the offer's
	/// deposit back, the acceptor's record opened. The most a native payment costs.
	#[benchmark]
	fn accept_native() {
		let offerer = funded::<T>("offerer", 0);
		let acceptor = funded::<T>("acceptor", 0);
		let id = open_offer::<T>(&offerer, native::<T>(), 0);
		#[extrinsic_call]
		accept(RawOrigin::Signed(acceptor.clone()), id, AMOUNT, Default::default());
		assert_eq!(Pallet::<T>::stats(acceptor).settled, 1);
		assert!(Offers::<T>::get(id).is_none());
	}

	/// The same payment for half of an offer that stays open, by an acceptor whose record an
	/// earlier fill opened: how a standing offer is mostly taken.
	#[benchmark]
	fn accept_native_open() {
		let offerer = funded::<T>("offerer", 0);
		let acceptor = funded::<T>("acceptor", 0);
		let id = open_offer::<T>(&offerer, native::<T>(), 0);
		Pallet::<T>::do_accept(&acceptor, id, 1, &[]).expect("a first fill");
		#[extrinsic_call]
		accept(RawOrigin::Signed(acceptor.clone()), id, AMOUNT / 2, Default::default());
		assert_eq!(Pallet::<T>::stats(acceptor).settled, 2);
		assert!(Offers::<T>::get(id).is_some());
	}

	/// Fiat for coin with a bond, filling the offer: the acceptor escrows its payment from
	/// `i` coins, the offerer bonds its off-chain leg, a trade is recorded and the offer
	/// closes. It costs more than coin for fiat, where nothing of the acceptor's is escrowed.
	#[benchmark]
	fn accept_off_chain(i: Linear<1, { T::MaxPaymentCoins::get() }>) {
		let offerer = funded::<T>("offerer", 0);
		let acceptor = funded::<T>("acceptor", 0);
		let id = open_offer_of::<T>(&offerer, fiat::<T>(), coin::<T>(1), 1_000);
		T::BenchmarkHelper::fund(&T::BenchmarkHelper::asset(1), &acceptor, AMOUNT, i);
		#[extrinsic_call]
		accept(RawOrigin::Signed(acceptor.clone()), id, AMOUNT, Default::default());
		assert_eq!(Pallet::<T>::trades_of(acceptor, None, 10).len(), 1);
	}

	/// The confirmation that settles: the escrowed coin pays out.
	#[benchmark]
	fn confirm_leg() {
		let offerer = funded::<T>("offerer", 0);
		let acceptor = funded::<T>("acceptor", 0);
		let trade = pending_trade::<T>(&offerer, &acceptor);
		#[extrinsic_call]
		_(RawOrigin::Signed(offerer), trade);
		assert!(Trades::<T>::get(trade).is_none());
	}

	/// A default: escrow back to the offerer, the acceptor's bond forfeited to it.
	#[benchmark]
	fn resolve_trade() {
		let offerer = funded::<T>("offerer", 0);
		let acceptor = funded::<T>("acceptor", 0);
		let caller = funded::<T>("caller", 0);
		let trade = pending_trade::<T>(&offerer, &acceptor);
		let deadline = Trades::<T>::get(trade).expect("pending").deadline;
		frame_system::Pallet::<T>::set_block_number(deadline + One::one());
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), trade);
		assert_eq!(Pallet::<T>::stats(acceptor).defaults, 1);
	}

	/// A default with a dispute's cost: the escrowed coin goes back to the offerer, the
	/// acceptor's leg was marked sent, so both records count a dispute and the bond comes back.
	#[benchmark]
	fn resolve_trade_disputed() {
		let offerer = funded::<T>("offerer", 0);
		let acceptor = funded::<T>("acceptor", 0);
		let caller = funded::<T>("caller", 0);
		let trade = pending_trade::<T>(&offerer, &acceptor);
		Pallet::<T>::do_mark_sent(&acceptor, trade, Some(H256::repeat_byte(7))).expect("marks");
		let deadline = Trades::<T>::get(trade).expect("pending").deadline;
		frame_system::Pallet::<T>::set_block_number(deadline + One::one());
		#[extrinsic_call]
		resolve_trade(RawOrigin::Signed(caller), trade);
		assert_eq!(Pallet::<T>::stats(acceptor).disputes, 1);
	}

	/// The acceptor reports its fiat payment sent.
	#[benchmark]
	fn mark_sent() {
		let offerer = funded::<T>("offerer", 0);
		let acceptor = funded::<T>("acceptor", 0);
		let trade = pending_trade::<T>(&offerer, &acceptor);
		#[extrinsic_call]
		_(RawOrigin::Signed(acceptor), trade, Some(H256::repeat_byte(7)));
		let status = Trades::<T>::get(trade).expect("pending").take.status;
		assert!(matches!(status, LegStatus::Sent { .. }));
	}

	/// An account whose only offer was cancelled closes its record.
	#[benchmark]
	fn close_record() {
		let who = funded::<T>("offerer", 0);
		let id = open_offer::<T>(&who, coin::<T>(1), 0);
		Pallet::<T>::do_cancel_offer(&who, id).expect("cancels");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Stats::<T>::get(who).is_none());
	}

	/// `n` coin offers expiring at one block, each refunded.
	#[benchmark]
	fn expire_offers(n: Linear<0, { T::MaxExpiringPerBlock::get() }>) {
		for k in 0..n {
			let who = funded::<T>("offerer", k);
			let max = T::MaxPaymentCoins::get();
			T::BenchmarkHelper::fund(&T::BenchmarkHelper::asset(0), &who, AMOUNT, max);
			let t = terms::<T>(coin::<T>(0), coin::<T>(1), AMOUNT, 0);
			Pallet::<T>::do_make_offer(&who, t, &[]).expect("offers");
		}
		frame_system::Pallet::<T>::set_block_number(expiry::<T>());
		#[block]
		{
			Pallet::<T>::expire_offers(expiry::<T>());
		}
		assert_eq!(Offers::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
