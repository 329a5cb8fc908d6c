//! A call that pays with coins is charged before it runs for the coins it names, or for the
//! most a payment may spend when the ledger chooses them, and refunded down to the coins it
//! really spent. These tests fail if a call keeps the worst case it did not use, or is
//! refunded below what it spent.

use frame_support::{dispatch::GetDispatchInfo, traits::UnfilteredDispatchable, weights::Weight};
use sp_core::H256;

use super::*;
use crate::{weights::WeightInfo as _, Call};

type W = <Test as Config>::WeightInfo;

fn most() -> u32 {
	<Test as Config>::MaxPaymentCoins::get()
}

/// Charges `call` as the chain does and returns (charged before, actual after) dispatching
/// it for `who`.
fn charged(who: AccountId, call: Call<Test>) -> (Weight, Weight) {
	let before = call.get_dispatch_info().call_weight;
	let post = call.dispatch_bypass_filter(RuntimeOrigin::signed(who)).expect("dispatches");
	Market::do_try_state().expect("market invariants hold");
	(before, post.actual_weight.expect("the call reports its weight"))
}

fn coins_of(who: AccountId, issuer: AccountId) -> Vec<H256> {
	Codcoin::coins_of(who, None, 100)
		.into_iter()
		.filter(|c| c.issuer == issuer)
		.map(|c| c.id)
		.collect()
}

#[test]
fn the_weights_grow_with_the_coins_spent() {
	// Without this the refunds below would refund nothing and prove nothing.
	assert!(W::accept_on_chain(1).all_lt(W::accept_on_chain(most())));
	assert!(W::accept_off_chain(1).all_lt(W::accept_off_chain(most())));
	assert!(W::make_offer(1).all_lt(W::make_offer(most())));
}

#[test]
fn the_native_paths_cost_less_than_the_worst_one() {
	// Without this the native refunds below would refund nothing and prove nothing.
	assert!(W::accept_native_open().all_lt(W::accept_native()));
	assert!(W::accept_native().all_lt(W::accept_on_chain(1)));
}

/// The weight an acceptance is charged before it runs when it names no coins.
fn charged_before() -> Weight {
	W::accept_on_chain(most()).max(W::accept_off_chain(most())).max(W::accept_native())
}

/// `who` accepts `amount` of offer `id` naming no coins; (charged before, kept after).
fn accept_charged(who: AccountId, id: OfferId, amount: Amount) -> (Weight, Weight) {
	charged(who, Call::accept { offer: id, amount, coins: Default::default() })
}

/// Alice offers 100 of her coin for COD at 1:1.
fn offer_of_alices_coin_for_cod() -> OfferId {
	issue(ALICE, &[ALICE], 100);
	offer(ALICE, coin(ALICE), cod(), ratio(1, 1), 100)
}

#[test]
fn a_first_acceptance_paid_in_cod_keeps_the_costliest_native_weight() {
	run(|| {
		let id = offer_of_alices_coin_for_cod();
		// Bob's first trade opens his record, which the open path's benchmark does not do.
		let (before, after) = accept_charged(BOB, id, 10);
		assert_eq!(before, charged_before());
		assert_eq!(after, W::accept_native());
		assert_eq!(units(BOB, ALICE), 10);
	});
}

#[test]
fn a_cod_payment_for_part_of_an_open_offer_by_a_trader_with_a_record_keeps_the_open_weight() {
	run(|| {
		let id = offer_of_alices_coin_for_cod();
		accept_charged(BOB, id, 10);
		let (_, after) = accept_charged(BOB, id, 10);
		assert_eq!(after, W::accept_native_open());
		assert_eq!(units(BOB, ALICE), 20);
	});
}

#[test]
fn a_cod_payment_that_fills_the_offer_keeps_the_costliest_native_weight() {
	run(|| {
		let id = offer_of_alices_coin_for_cod();
		accept_charged(BOB, id, 10);
		// Bob has a record now, but the fill closes the offer: its queue, indices and deposit.
		let (_, after) = accept_charged(BOB, id, 90);
		assert_eq!(after, W::accept_native());
		assert!(Market::offer(id).is_none());
	});
}

#[test]
fn a_coin_payment_by_a_trader_with_a_record_keeps_the_coin_weight() {
	run(|| {
		let id = offer_to_a_holder_of_three_coins();
		accept_charged(BOB, id, 10);
		// An open offer and a known acceptor do not make a coin payment a native one.
		let (_, after) = accept_charged(BOB, id, 10);
		assert_eq!(after, W::accept_on_chain(1));
	});
}

/// Alice offers her coin for Charlie's, of which Bob holds three coins of 10.
fn offer_to_a_holder_of_three_coins() -> OfferId {
	issue(ALICE, &[ALICE], 100);
	issue(CHARLIE, &[BOB, BOB, BOB], 10);
	offer(ALICE, coin(ALICE), coin(CHARLIE), ratio(1, 1), 100)
}

#[test]
fn an_acceptance_keeps_the_weight_of_the_coins_the_ledger_chose() {
	run(|| {
		let id = offer_to_a_holder_of_three_coins();
		// 25 units take three coins of 10.
		let call = Call::accept { offer: id, amount: 25, coins: Default::default() };
		let (_, after) = charged(BOB, call);
		assert_eq!(after, W::accept_on_chain(3));
		assert_eq!(units(ALICE, CHARLIE), 25);
	});
}

#[test]
fn an_acceptance_naming_its_coins_is_charged_for_those_only() {
	run(|| {
		let id = offer_to_a_holder_of_three_coins();
		let named = coins_of(BOB, CHARLIE)[..2].to_vec();
		let coins = BoundedVec::truncate_from(named);
		let (before, after) = charged(BOB, Call::accept { offer: id, amount: 20, coins });
		assert_eq!(
			before,
			W::accept_on_chain(2).max(W::accept_off_chain(2)).max(W::accept_native())
		);
		assert_eq!(after, W::accept_on_chain(2));
	});
}

#[test]
fn an_acceptance_that_escrows_coins_for_an_off_chain_leg_keeps_the_off_chain_weight() {
	run(|| {
		issue(CHARLIE, &[BOB, BOB], 10);
		let id = offer(ALICE, fiat(), coin(CHARLIE), ratio(1, 1), 100);
		let call = Call::accept { offer: id, amount: 15, coins: Default::default() };
		let (_, after) = charged(BOB, call);
		assert_eq!(after, W::accept_off_chain(2));
		assert_eq!(<Codcoin as CoinLedger<_>>::escrowed(&CHARLIE, &BOB), 15);
	});
}

/// `make_offer` of 12 of `pay` for COD, naming no coins.
fn offer_of_12_for_cod(pay: Resource<Asset>) -> Call<Test> {
	Call::make_offer {
		pay,
		receive: cod(),
		ratio: ratio(1, 1),
		amount: 12,
		min_fill: 1,
		expiry: 100,
		bond: 0,
		coins: Default::default(),
	}
}

#[test]
fn an_offer_keeps_the_weight_of_the_coins_its_escrow_spent() {
	run(|| {
		issue(ALICE, &[ALICE, ALICE], 10);
		let call = offer_of_12_for_cod(coin(ALICE));
		let (before, after) = charged(ALICE, call);
		assert_eq!(before, W::make_offer(most()));
		assert_eq!(after, W::make_offer(2));
	});
}

#[test]
fn an_offer_of_an_off_chain_resource_keeps_the_weight_of_one_coin() {
	run(|| {
		let call = offer_of_12_for_cod(fiat());
		let (_, after) = charged(ALICE, call);
		assert_eq!(after, W::make_offer(1));
	});
}
