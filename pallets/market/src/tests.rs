//! Every rule of SPEC §4 "交易" and the issue's attack list, each in a test that fails if the
//! rule is broken. Assets are real: COD in pallet-balances, codcoins in pallet-codcoin. The
//! market's and codcoin's invariants are checked after every step that succeeds (this file's
//! `assert_ok!`) and at the end of every test.

use frame_support::{
	assert_noop,
	traits::{fungible::InspectHold, UnfilteredDispatchable},
	BoundedVec,
};

/// `frame_support::assert_ok!`, then the invariants: every successful step leaves a valid state.
macro_rules! assert_ok {
	($($arg:tt)*) => {{
		frame_support::assert_ok!($($arg)*);
		Market::do_try_state().expect("market invariants hold after the step");
		Codcoin::do_try_state().expect("codcoin invariants hold after the step");
	}};
}
use pallet_codcoin::{ClaimKind, PourOutput};
use sp_runtime::DispatchError;
use utxo_core::CoinLedger;

use crate::{mock::*, pallet::*, types::*, CloseReason, Error, Event};

mod disputes;
mod fuzz;
mod records;
mod refunds;
mod standing;

fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Market::do_try_state().expect("market invariants hold");
		Codcoin::do_try_state().expect("codcoin invariants hold");
	});
}

fn coin(issuer: AccountId) -> Resource<Asset> {
	Resource::OnChain(Asset::Coin(issuer))
}

fn cod() -> Resource<Asset> {
	Resource::OnChain(Asset::Cod)
}

fn fiat() -> Resource<Asset> {
	Resource::OffChain {
		kind: OffChainKind::Fiat,
		unit: BoundedVec::truncate_from(b"CNY".to_vec()),
	}
}

fn hours() -> Resource<Asset> {
	Resource::OffChain {
		kind: OffChainKind::TimeBudget,
		unit: BoundedVec::truncate_from(b"hour".to_vec()),
	}
}

/// `issuer` backs its coin and issues `amount` to each of `holders`.
fn issue(issuer: AccountId, holders: &[AccountId], amount: Amount) {
	let o = RuntimeOrigin::signed(issuer);
	if !pallet_codcoin::Issuers::<Test>::contains_key(issuer) {
		assert_ok!(Codcoin::declare_claim(
			o.clone(),
			ClaimKind::Stock { units: 1 },
			1_000_000,
			1_000,
			None
		));
	}
	let outs: Vec<_> = holders.iter().map(|&holder| PourOutput { holder, amount }).collect();
	assert_ok!(Codcoin::issue(o, BoundedVec::truncate_from(outs)));
}

fn units(holder: AccountId, issuer: AccountId) -> Amount {
	Codcoin::balance_of(&holder, &issuer)
}

fn ratio(pay: Amount, receive: Amount) -> Ratio {
	Ratio { pay, receive }
}

#[allow(clippy::too_many_arguments)]
fn offer_with(
	who: AccountId,
	pay: Resource<Asset>,
	receive: Resource<Asset>,
	r: Ratio,
	amount: Amount,
	min_fill: Amount,
	expiry: u64,
	bond: Balance,
) -> Result<OfferId, DispatchError> {
	let id = NextOfferId::<Test>::get();
	let o = RuntimeOrigin::signed(who);
	Market::make_offer(o, pay, receive, r, amount, min_fill, expiry, bond, Default::default())
		.map(|_| id)
		.map_err(|e| e.error)
}

/// An offer open until block 100 with a minimum fill of 1 and no bond.
fn offer(
	who: AccountId,
	pay: Resource<Asset>,
	receive: Resource<Asset>,
	r: Ratio,
	amount: Amount,
) -> OfferId {
	offer_with(who, pay, receive, r, amount, 1, 100, 0).expect("offer is made")
}

fn accept(who: AccountId, id: OfferId, amount: Amount) -> Result<TradeId, DispatchError> {
	let trade = NextTradeId::<Test>::get();
	Market::accept(RuntimeOrigin::signed(who), id, amount, Default::default())
		.map(|_| trade)
		.map_err(|e| e.error)
}

fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

fn state_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

// ---- offers ------------------------------------------------------------------------------

#[test]
fn an_offer_escrows_its_on_chain_pay_resource() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		let id = offer(ALICE, coin(ALICE), cod(), ratio(1, 5), 60);
		assert_eq!(units(ALICE, ALICE), 40);
		assert_eq!(<Codcoin as CoinLedger<_>>::escrowed(&ALICE, &ALICE), 60);
		assert_eq!(held(HoldReason::Deposit, ALICE), OFFER_DEPOSIT + RECORD_DEPOSIT);
		let o = Market::offer(id).unwrap();
		assert_eq!((o.remaining, o.min_fill, o.expiry), (60, 1, 100));
		assert_eq!(Market::stats(ALICE).open_offers, 1);
		// COD as pay resource is held under the market's escrow reason.
		let id2 = offer(BOB, cod(), coin(ALICE), ratio(5, 1), 500);
		assert_eq!(held(HoldReason::Escrow, BOB), 500);
		assert_eq!(Market::offers_by_pair(cod(), coin(ALICE), None, 10)[0].id, id2);
	});
}

#[test]
fn bad_offers_are_refused() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		let mk = |pay, receive, r, amount, min_fill, expiry| {
			offer_with(ALICE, pay, receive, r, amount, min_fill, expiry, 0)
		};
		assert_noop!(mk(cod(), cod(), ratio(1, 1), 10, 1, 100), Error::<Test>::SameResource);
		assert_noop!(mk(cod(), fiat(), ratio(0, 1), 10, 1, 100), Error::<Test>::ZeroRatio);
		assert_noop!(mk(cod(), fiat(), ratio(1, 0), 10, 1, 100), Error::<Test>::ZeroRatio);
		assert_noop!(mk(cod(), fiat(), ratio(1, 1), 0, 1, 100), Error::<Test>::ZeroAmount);
		assert_noop!(mk(cod(), fiat(), ratio(1, 1), 10, 0, 100), Error::<Test>::BadMinimumFill);
		assert_noop!(mk(cod(), fiat(), ratio(1, 1), 10, 11, 100), Error::<Test>::BadMinimumFill);
		assert_noop!(mk(cod(), fiat(), ratio(1, 1), 10, 1, 1), Error::<Test>::ExpiryInPast);
		assert_noop!(mk(coin(BOB), fiat(), ratio(1, 1), 10, 1, 100), Error::<Test>::UnknownAsset);
		let nameless = Resource::OffChain { kind: OffChainKind::Fiat, unit: BoundedVec::new() };
		assert_noop!(mk(cod(), nameless, ratio(1, 1), 10, 1, 100), Error::<Test>::EmptyUnit);
		// Overflow of the full price is refused up front, never at acceptance.
		assert_noop!(mk(cod(), fiat(), ratio(1, Amount::MAX), 2, 1, 100), Error::<Test>::Overflow);
		// The escrow must be there.
		assert_noop!(
			mk(coin(ALICE), fiat(), ratio(1, 1), 101, 1, 100),
			pallet_codcoin::Error::<Test>::Ledger(utxo_core::LedgerError::InsufficientBalance)
		);
		assert_noop!(
			mk(cod(), fiat(), ratio(1, 1), ENDOWMENT, 1, 100),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn offers_are_bounded_per_account_and_per_expiry_block() {
	run(|| {
		for _ in 0..3 {
			offer_with(ALICE, fiat(), cod(), ratio(1, 1), 10, 1, 50, 0).unwrap();
		}
		assert_noop!(
			offer_with(ALICE, fiat(), cod(), ratio(1, 1), 10, 1, 50, 0),
			Error::<Test>::ExpiryBlockFull
		);
		offer_with(ALICE, fiat(), cod(), ratio(1, 1), 10, 1, 51, 0).unwrap();
		assert_noop!(
			offer_with(ALICE, fiat(), cod(), ratio(1, 1), 10, 1, 52, 0),
			Error::<Test>::TooManyOffers
		);
	});
}

#[test]
fn cancel_returns_the_escrow_left_and_only_the_offerer_may() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		let id = offer(ALICE, coin(ALICE), cod(), ratio(1, 1), 100);
		assert_noop!(
			Market::cancel_offer(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotOfferer
		);
		assert_ok!(Market::cancel_offer(RuntimeOrigin::signed(ALICE), id));
		System::assert_last_event(
			Event::OfferClosed { id, reason: CloseReason::Cancelled, refunded: 100 }.into(),
		);
		assert_eq!(units(ALICE, ALICE), 100);
		// Only the record's deposit stays held.
		assert_eq!(held(HoldReason::Deposit, ALICE), RECORD_DEPOSIT);
		assert_noop!(
			Market::cancel_offer(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::UnknownOffer
		);
		assert!(Expiring::<Test>::get(100).is_empty());
	});
}

#[test]
fn expired_offers_are_cleaned_up_at_their_expiry_block() {
	run(|| {
		offer_with(BOB, cod(), fiat(), ratio(1, 1), 300, 1, 5, 0).unwrap();
		let id = offer_with(BOB, cod(), hours(), ratio(1, 1), 200, 1, 5, 0).unwrap();
		run_to(4);
		assert_eq!(held(HoldReason::Escrow, BOB), 500);
		// The last block an offer is open is the one before its expiry.
		assert_ok!(accept(CHARLIE, id, 1));
		run_to(5);
		assert!(Offers::<Test>::iter().next().is_none());
		assert_eq!(held(HoldReason::Escrow, BOB), 1);
		assert_eq!(Market::stats(BOB).open_offers, 0);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Market(Event::OfferClosed {
				id,
				reason: CloseReason::Expired,
				refunded: 199
			})));
	});
}

#[test]
fn accept_after_expiry_fails() {
	run(|| {
		let id = offer_with(BOB, cod(), fiat(), ratio(1, 1), 300, 1, 5, 0).unwrap();
		// Even before on_initialize has cleaned it up.
		System::set_block_number(5);
		assert_noop!(accept(CHARLIE, id, 1), Error::<Test>::OfferExpired);
	});
}

// ---- on-chain pairs: atomic --------------------------------------------------------------

#[test]
fn two_cods_swap_their_coins_atomically() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		issue(BOB, &[BOB], 1_000);
		// Alice gives 1 of her coin for 2 of Bob's.
		let id = offer(ALICE, coin(ALICE), coin(BOB), ratio(1, 2), 100);
		let trade = accept(BOB, id, 30).unwrap();
		System::assert_has_event(
			Event::Accepted { offer: id, trade, acceptor: BOB, amount: 30, price: 60 }.into(),
		);
		System::assert_last_event(
			Event::TradeSettled { trade, offerer: ALICE, acceptor: BOB }.into(),
		);
		assert_eq!(units(BOB, ALICE), 30);
		assert_eq!(units(ALICE, BOB), 60);
		assert_eq!(units(BOB, BOB), 940);
		assert_eq!(Market::offer(id).unwrap().remaining, 70);
		assert!(Trades::<Test>::get(trade).is_none());
		assert_eq!((Market::stats(ALICE).settled, Market::stats(BOB).settled), (1, 1));
	});
}

#[test]
fn filling_an_offer_closes_it_and_returns_its_deposit() {
	run(|| {
		issue(ALICE, &[CHARLIE], 10);
		let id = offer(BOB, cod(), coin(ALICE), ratio(1, 1), 10);
		assert_ok!(accept(CHARLIE, id, 10));
		System::assert_last_event(
			Event::OfferClosed { id, reason: CloseReason::Filled, refunded: 0 }.into(),
		);
		assert!(Market::offer(id).is_none());
		assert_eq!(held(HoldReason::Deposit, BOB), RECORD_DEPOSIT);
		// Charlie got 10 COD and holds the deposit of the coin he paid Bob with, and of his
		// new market record.
		assert_eq!(free(CHARLIE), ENDOWMENT + 10 - COIN_DEPOSIT - RECORD_DEPOSIT);
		assert_eq!(units(BOB, ALICE), 10);
	});
}

#[test]
fn acceptances_respect_minimum_fill_and_remaining() {
	run(|| {
		issue(ALICE, &[CHARLIE], 1_000);
		let id = offer_with(BOB, cod(), coin(ALICE), ratio(1, 1), 25, 10, 100, 0).unwrap();
		assert_noop!(accept(CHARLIE, id, 9), Error::<Test>::BelowMinimumFill);
		assert_noop!(accept(CHARLIE, id, 26), Error::<Test>::AboveRemaining);
		assert_noop!(accept(CHARLIE, id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(accept(BOB, id, 10), Error::<Test>::OwnOffer);
		assert_noop!(accept(CHARLIE, id + 1, 10), Error::<Test>::UnknownOffer);
		assert_ok!(accept(CHARLIE, id, 10));
		assert_ok!(accept(CHARLIE, id, 10));
		// The last 5 are below the minimum but are all that is left: a fill may take them.
		assert_ok!(accept(CHARLIE, id, 5));
		assert!(Market::offer(id).is_none());
	});
}

#[test]
fn prices_round_in_the_offerers_favour() {
	run(|| {
		issue(ALICE, &[CHARLIE], 1_000);
		// 3 COD for 1 coin: a fill of 1 COD costs ceil(1/3) = 1 coin, never 0.
		let id = offer(BOB, cod(), coin(ALICE), ratio(3, 1), 30);
		assert_ok!(accept(CHARLIE, id, 1));
		assert_eq!(units(BOB, ALICE), 1);
		assert_eq!(Market::price(&ratio(3, 1), 30), Ok(10));
		assert_eq!(Market::price(&ratio(3, 2), 4), Ok(3));
	});
}

#[test]
fn an_acceptor_without_the_price_changes_nothing() {
	run(|| {
		issue(ALICE, &[CHARLIE], 5);
		let id = offer(BOB, cod(), coin(ALICE), ratio(1, 1), 100);
		let before = state_root();
		let call = Call::<Test>::accept { offer: id, amount: 10, coins: Default::default() };
		let err = call.dispatch_bypass_filter(RuntimeOrigin::signed(CHARLIE)).unwrap_err().error;
		assert_eq!(
			err,
			pallet_codcoin::Error::<Test>::Ledger(utxo_core::LedgerError::InsufficientBalance)
				.into()
		);
		assert_eq!(before, state_root());
	});
}

// ---- off-chain legs: payment records, confirmations, defaults ----------------------------

#[test]
fn a_fiat_sale_settles_when_the_seller_confirms_payment() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		// Alice sells her coin for fiat, 1 coin per 2 CNY.
		let id = offer(ALICE, coin(ALICE), fiat(), ratio(1, 2), 100);
		let trade = accept(BOB, id, 40).unwrap();
		let t = Trades::<Test>::get(trade).unwrap();
		assert_eq!((t.give.amount, t.give.status), (40, LegStatus::Escrowed));
		assert_eq!((t.take.amount, t.take.status), (80, LegStatus::Awaiting));
		assert_eq!(t.deadline, 1 + SETTLEMENT_PERIOD);
		assert_eq!(Market::trades_of(BOB, None, 10).len(), 1);
		assert_eq!(Market::trades_of(ALICE, None, 10)[0].id, trade);
		// The coin stays in escrow until the fiat is confirmed.
		assert_eq!(units(BOB, ALICE), 0);
		// Wrong signers: a stranger; the acceptor, whose incoming leg is on-chain.
		assert_noop!(
			Market::confirm_leg(RuntimeOrigin::signed(CHARLIE), trade),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Market::confirm_leg(RuntimeOrigin::signed(BOB), trade),
			Error::<Test>::NothingToConfirm
		);
		assert_ok!(Market::confirm_leg(RuntimeOrigin::signed(ALICE), trade));
		System::assert_last_event(
			Event::TradeSettled { trade, offerer: ALICE, acceptor: BOB }.into(),
		);
		assert_eq!(units(BOB, ALICE), 40);
		assert_eq!(held(HoldReason::Deposit, BOB), RECORD_DEPOSIT);
		// Settle twice: the trade is gone.
		assert_noop!(
			Market::confirm_leg(RuntimeOrigin::signed(ALICE), trade),
			Error::<Test>::UnknownTrade
		);
		assert_noop!(
			Market::resolve_trade(RuntimeOrigin::signed(ALICE), trade),
			Error::<Test>::UnknownTrade
		);
	});
}

#[test]
fn queries_give_amounts_and_the_bond_as_json_strings() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		let id = offer_with(ALICE, coin(ALICE), fiat(), ratio(1, 2), 100, 1, 100, 1_000).unwrap();
		// What `market_offer` answers a JavaScript client: no number it would round.
		let json = serde_json::to_value(Market::offer(id).unwrap()).unwrap();
		assert_eq!(json["bond"], "1000");
		assert_eq!(json["remaining"], "100");
		assert_eq!(json["minFill"], "1");
		assert_eq!(json["ratio"]["receive"], "2");
	});
}

#[test]
fn an_unsent_payment_is_the_payers_default_its_bond_is_burned_and_the_escrow_returns() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		let bond = 1_000;
		let id = offer_with(ALICE, coin(ALICE), fiat(), ratio(1, 2), 100, 1, 100, bond).unwrap();
		let trade = accept(BOB, id, 40).unwrap();
		// A fill of 40 of 100 bonds 40 % of the offer's bond.
		let fill_bond = 400;
		assert_eq!(held(HoldReason::Bond, BOB), fill_bond);
		assert_eq!(held(HoldReason::Bond, ALICE), 0);
		run_to(1 + SETTLEMENT_PERIOD);
		assert_noop!(
			Market::resolve_trade(RuntimeOrigin::signed(CHARLIE), trade),
			Error::<Test>::DeadlineNotReached
		);
		run_to(2 + SETTLEMENT_PERIOD);
		assert_noop!(
			Market::confirm_leg(RuntimeOrigin::signed(ALICE), trade),
			Error::<Test>::DeadlinePassed
		);
		let issuance = Balances::total_issuance();
		let alice_before =
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&ALICE);
		assert_ok!(Market::resolve_trade(RuntimeOrigin::signed(CHARLIE), trade));
		System::assert_last_event(
			Event::TradeDefaulted { trade, defaulter: BOB, forfeited_bond: fill_bond }.into(),
		);
		assert_eq!(Market::stats(BOB).defaults, 1);
		assert_eq!(Market::stats(ALICE).defaults, 0);
		// Alice's escrowed 40 come back to her, not to the offer.
		assert_eq!(units(ALICE, ALICE), 40);
		assert_eq!(Market::offer(id).unwrap().remaining, 60);
		// Bob's bond is burned, not paid to Alice: Alice decides whether to confirm, so paying
		// her the bond would reward withholding a confirmation.
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&ALICE),
			alice_before
		);
		assert_eq!(Balances::total_issuance(), issuance - fill_bond);
		// Issuer, claim, offer and record deposits are held; the refunded coin's deposit comes
		// from the acceptor, whose trade created it.
		assert_eq!(free(ALICE), ENDOWMENT - 10 - 10 - OFFER_DEPOSIT - RECORD_DEPOSIT);
		assert_eq!(held(HoldReason::Bond, BOB), 0);
		assert!(Market::trades_of(BOB, None, 10).is_empty());
	});
}

#[test]
fn with_no_leg_confirmed_the_offerer_defaults() {
	run(|| {
		// Fiat for a time budget: both legs off-chain, both bonded.
		let id = offer_with(ALICE, fiat(), hours(), ratio(100, 1), 1_000, 100, 100, 70).unwrap();
		let trade = accept(BOB, id, 200).unwrap();
		assert_eq!((held(HoldReason::Bond, ALICE), held(HoldReason::Bond, BOB)), (14, 14));
		run_to(2 + SETTLEMENT_PERIOD);
		assert_ok!(Market::resolve_trade(RuntimeOrigin::signed(DAVE), trade));
		assert_eq!(Market::stats(ALICE).defaults, 1);
		assert_eq!(Market::stats(BOB).defaults, 0);
		// Bob's bond comes back; Alice's is burned, not paid to Bob.
		assert_eq!(free(BOB), ENDOWMENT - RECORD_DEPOSIT);
		assert_eq!((held(HoldReason::Bond, ALICE), held(HoldReason::Bond, BOB)), (0, 0));
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&ALICE),
			ENDOWMENT - 14
		);
	});
}

#[test]
fn with_one_leg_confirmed_the_unconfirmed_side_defaults() {
	run(|| {
		let id = offer_with(ALICE, fiat(), hours(), ratio(100, 1), 1_000, 100, 100, 35).unwrap();
		let trade = accept(BOB, id, 200).unwrap();
		// Bob got the fiat and says so; he never sends the hours.
		assert_ok!(Market::confirm_leg(RuntimeOrigin::signed(BOB), trade));
		assert_noop!(
			Market::confirm_leg(RuntimeOrigin::signed(BOB), trade),
			Error::<Test>::AlreadyConfirmed
		);
		assert_eq!(held(HoldReason::Bond, ALICE), 0);
		run_to(2 + SETTLEMENT_PERIOD);
		assert_ok!(Market::resolve_trade(RuntimeOrigin::signed(DAVE), trade));
		assert_eq!(Market::stats(BOB).defaults, 1);
		assert_eq!(Market::stats(ALICE).defaults, 0);
		// Alice's bond came back at Bob's confirmation; Bob's 7 are burned, not hers.
		assert_eq!(free(ALICE), ENDOWMENT - OFFER_DEPOSIT - RECORD_DEPOSIT);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&BOB),
			ENDOWMENT - 7
		);
	});
}

#[test]
fn an_offerer_that_pays_fiat_and_is_not_confirmed_defaults_and_the_buyer_gets_its_coin_back() {
	run(|| {
		issue(BOB, &[BOB], 100);
		let id = offer(ALICE, fiat(), coin(BOB), ratio(1, 1), 50);
		let trade = accept(BOB, id, 50).unwrap();
		assert_eq!(<Codcoin as CoinLedger<_>>::escrowed(&BOB, &BOB), 50);
		// The offer is filled and closed, the trade pending.
		assert!(Market::offer(id).is_none());
		run_to(2 + SETTLEMENT_PERIOD);
		assert_ok!(Market::resolve_trade(RuntimeOrigin::signed(BOB), trade));
		assert_eq!(Market::stats(ALICE).defaults, 1);
		assert_eq!(units(BOB, BOB), 100);
	});
}

#[test]
fn an_offerer_without_cod_for_its_bond_cannot_be_accepted() {
	run(|| {
		let id = offer_with(ALICE, fiat(), cod(), ratio(1, 1), 10, 1, 100, 500).unwrap();
		let rest = free(ALICE) - 1;
		assert_ok!(Market::cod_transfer(&ALICE, &DAVE, rest - 100));
		// Bob's record deposit is in place, so the failure is Alice's bond.
		assert_noop!(accept(BOB, id, 10), Error::<Test>::CounterpartyCannotBond);
		let id2 = offer_with(CHARLIE, cod(), fiat(), ratio(1, 1), 10, 1, 100, ENDOWMENT).unwrap();
		assert_noop!(accept(BOB, id2, 10), Error::<Test>::InsufficientBond);
	});
}

#[test]
fn cancelling_with_fills_in_flight_leaves_the_pending_trades_whole() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		let id = offer(ALICE, coin(ALICE), fiat(), ratio(1, 1), 100);
		let trade = accept(BOB, id, 30).unwrap();
		assert_ok!(Market::cancel_offer(RuntimeOrigin::signed(ALICE), id));
		System::assert_last_event(
			Event::OfferClosed { id, reason: CloseReason::Cancelled, refunded: 70 }.into(),
		);
		// The 30 in flight stay escrowed for the trade and settle normally.
		assert_eq!(<Codcoin as CoinLedger<_>>::escrowed(&ALICE, &ALICE), 30);
		assert_ok!(Market::confirm_leg(RuntimeOrigin::signed(ALICE), trade));
		assert_eq!(units(BOB, ALICE), 30);
		assert_eq!(units(ALICE, ALICE), 70);
	});
}

// ---- queries -----------------------------------------------------------------------------

#[test]
fn a_coin_in_shortfall_shows_it_on_its_offers() {
	run(|| {
		let o = RuntimeOrigin::signed(ALICE);
		assert_ok!(Codcoin::declare_claim(o.clone(), ClaimKind::Stock { units: 1 }, 100, 5, None));
		let out = PourOutput { holder: ALICE, amount: 100 };
		assert_ok!(Codcoin::issue(o, BoundedVec::truncate_from(vec![out])));
		let id = offer(ALICE, coin(ALICE), cod(), ratio(1, 1), 50);
		assert_eq!(Market::offer(id).unwrap().pay_shortfall, 0);
		run_to(5);
		let details = Market::offer(id).unwrap();
		assert_eq!((details.pay_shortfall, details.receive_shortfall), (100, 0));
		// Trading goes on: a holder may still sell a coin in shortfall, knowingly.
		assert_ok!(accept(BOB, id, 10));
	});
}

#[test]
fn buy_back_offers_are_visible_per_issuer() {
	run(|| {
		issue(ALICE, &[BOB], 10);
		issue(CHARLIE, &[BOB], 10);
		assert!(Market::buy_back_offers(ALICE).is_empty());
		offer(ALICE, cod(), coin(CHARLIE), ratio(1, 1), 10);
		assert!(Market::buy_back_offers(ALICE).is_empty());
		let id = offer(ALICE, cod(), coin(ALICE), ratio(1, 1), 10);
		assert_eq!(Market::buy_back_offers(ALICE), vec![id]);
	});
}

#[test]
fn offers_by_pair_page_in_id_order_and_a_closed_cursor_continues() {
	run(|| {
		// Ten offers in one market, by two accounts, with an offer of another market between.
		let mut ids = Vec::new();
		for k in 0..10 {
			// MaxOffersPerAccount = 4: spread them over four accounts.
			let who = [ALICE, BOB, CHARLIE, DAVE][k as usize % 4];
			if k == 4 {
				offer_with(BOB, cod(), hours(), ratio(1, 1), 10, 1, 99, 0).unwrap();
			}
			ids.push(offer_with(who, cod(), fiat(), ratio(1, 1), 10, 1, 90 + k, 0).unwrap());
		}
		// Pages of three, each continuing after the last id of the one before: the ids come
		// out in increasing order, unsorted by the test.
		let mut seen = Vec::new();
		let mut cursor = None;
		loop {
			let page = Market::offers_by_pair(cod(), fiat(), cursor, 3);
			if page.is_empty() {
				break;
			}
			cursor = page.last().map(|o| o.id);
			seen.extend(page.iter().map(|o| o.id));
		}
		assert_eq!(seen, ids);
		// A cursor naming an offer that has since closed continues after it, not from the start.
		assert_ok!(Market::cancel_offer(RuntimeOrigin::signed(DAVE), ids[3]));
		let after: Vec<_> =
			Market::offers_by_pair(cod(), fiat(), Some(ids[3]), 2).iter().map(|o| o.id).collect();
		assert_eq!(after, vec![ids[4], ids[5]]);
	});
}

#[test]
fn trades_of_an_account_page_in_id_order() {
	run(|| {
		let id = offer_with(ALICE, fiat(), hours(), ratio(1, 1), 100, 1, 100, 0).unwrap();
		let trades: Vec<_> = (0..5).map(|_| accept(BOB, id, 10).unwrap()).collect();
		let first: Vec<_> = Market::trades_of(BOB, None, 2).iter().map(|t| t.id).collect();
		assert_eq!(first, trades[..2]);
		let next: Vec<_> =
			Market::trades_of(ALICE, Some(trades[1]), 10).iter().map(|t| t.id).collect();
		assert_eq!(next, trades[2..]);
		// A settled trade still marks the place.
		assert_ok!(Market::confirm_leg(RuntimeOrigin::signed(BOB), trades[2]));
		assert_ok!(Market::confirm_leg(RuntimeOrigin::signed(ALICE), trades[2]));
		let rest: Vec<_> =
			Market::trades_of(BOB, Some(trades[2]), 10).iter().map(|t| t.id).collect();
		assert_eq!(rest, trades[3..]);
	});
}

#[test]
fn registration_lists_resources_and_holds_one_deposit() {
	run(|| {
		issue(ALICE, &[ALICE], 1);
		let list = |v: Vec<Resource<Asset>>| BoundedVec::truncate_from(v);
		let o = RuntimeOrigin::signed(ALICE);
		assert_ok!(Market::register_resources(o.clone(), list(vec![coin(ALICE), fiat()])));
		assert_eq!(Market::registered(ALICE), vec![coin(ALICE), fiat()]);
		assert_eq!(held(HoldReason::Deposit, ALICE), 20);
		assert_ok!(Market::register_resources(o.clone(), list(vec![hours()])));
		assert_eq!(held(HoldReason::Deposit, ALICE), 20);
		assert_noop!(
			Market::register_resources(o.clone(), list(vec![fiat(), fiat()])),
			Error::<Test>::DuplicateResource
		);
		assert_noop!(
			Market::register_resources(o.clone(), list(vec![coin(BOB)])),
			Error::<Test>::UnknownAsset
		);
		assert_ok!(Market::register_resources(o, list(vec![])));
		assert!(Market::registered(ALICE).is_empty());
		assert_eq!(held(HoldReason::Deposit, ALICE), 0);
	});
}
