//! Nobody gains by withholding a confirmation (SPEC §4): marking a leg sent, disputes, bonds
//! that scale with the fill and are never paid to the side that controls the confirmation.

use frame_support::assert_noop;
use sp_core::H256;

use super::*;

fn mark_sent(who: AccountId, trade: TradeId) -> DispatchResult {
	Market::mark_sent(RuntimeOrigin::signed(who), trade, Some(H256::repeat_byte(9)))
}

fn confirm(who: AccountId, trade: TradeId) -> DispatchResult {
	Market::confirm_leg(RuntimeOrigin::signed(who), trade)
}

fn resolve(trade: TradeId) -> DispatchResult {
	Market::resolve_trade(RuntimeOrigin::signed(DAVE), trade)
}

type DispatchResult = sp_runtime::DispatchResult;

#[test]
fn many_small_fills_bond_no_less_than_one_large_fill() {
	run(|| {
		issue(BOB, &[BOB], 1_000);
		// Alice pays fiat for Bob's coin and bonds 1 000 COD for the whole 100.
		let id = offer_with(ALICE, fiat(), coin(BOB), ratio(1, 1), 100, 1, 100, 1_000).unwrap();
		for _ in 0..10 {
			accept(BOB, id, 7).unwrap();
		}
		// 10 fills of 7 bond 10 × 70 = 700, what one fill of 70 would.
		assert_eq!(held(HoldReason::Bond, ALICE), 700);
		// A share that does not divide evenly rounds up: splitting never bonds less.
		let id2 = offer_with(ALICE, fiat(), coin(BOB), ratio(1, 1), 3, 1, 100, 10).unwrap();
		for _ in 0..3 {
			accept(BOB, id2, 1).unwrap();
		}
		// Three fills of a third of 10 bond ceil(10 / 3) = 4 each: 12, never less than 10.
		assert_eq!(held(HoldReason::Bond, ALICE), 700 + 3 * 4);
	});
}

/// The attack of the issue: an acceptor takes many minimum fills of a bonded fiat offer,
/// never confirms the fiat it receives, and resolves every trade.
#[test]
fn the_repeated_small_fill_attack_pays_the_acceptor_nothing() {
	run(|| {
		issue(BOB, &[BOB], 1_000);
		let id = offer_with(ALICE, fiat(), coin(BOB), ratio(1, 1), 100, 1, 100, 1_000).unwrap();
		let bob_cod =
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&BOB);
		let trades: Vec<_> = (0..10).map(|_| accept(BOB, id, 1).unwrap()).collect();
		// Alice pays the fiat of half the trades and says so; the rest she never pays.
		for t in &trades[..5] {
			assert_ok!(mark_sent(ALICE, *t));
		}
		run_to(2 + SETTLEMENT_PERIOD);
		let issuance = Balances::total_issuance();
		for t in &trades {
			assert_ok!(resolve(*t));
		}
		// Bob gets his coins back and not one unit of COD beyond his own.
		assert_eq!(units(BOB, BOB), 1_000);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&BOB),
			bob_cod
		);
		// The five trades Alice marked sent are disputes for both; the five she never paid are
		// her defaults, and their bonds (10 each) are burned.
		assert_eq!(Market::stats(BOB).disputes, 5);
		assert_eq!(Market::stats(ALICE).disputes, 5);
		assert_eq!((Market::stats(ALICE).defaults, Market::stats(BOB).defaults), (5, 0));
		assert_eq!(Balances::total_issuance(), issuance - 5 * 10);
		assert_eq!(held(HoldReason::Bond, ALICE), 0);
	});
}

/// Alice sells her coin for fiat; Bob pays the fiat and marks it sent; Alice never confirms.
#[test]
fn a_silent_offerer_gets_a_dispute_not_the_acceptors_bond() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		let id = offer_with(ALICE, coin(ALICE), fiat(), ratio(1, 2), 100, 1, 100, 500).unwrap();
		let trade = accept(BOB, id, 100).unwrap();
		assert_eq!(held(HoldReason::Bond, BOB), 500);
		assert_ok!(mark_sent(BOB, trade));
		System::assert_last_event(
			Event::LegSent { trade, by: BOB, reference: Some(H256::repeat_byte(9)) }.into(),
		);
		let alice_cod =
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&ALICE);
		run_to(2 + SETTLEMENT_PERIOD);
		assert_ok!(resolve(trade));
		System::assert_last_event(
			Event::TradeDisputed { trade, offerer: ALICE, acceptor: BOB }.into(),
		);
		// Not Bob's default: his bond comes back, Alice gets none of it.
		assert_eq!(held(HoldReason::Bond, BOB), 0);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&BOB),
			ENDOWMENT
		);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&ALICE),
			alice_cod
		);
		assert_eq!((Market::stats(ALICE).disputes, Market::stats(BOB).disputes), (1, 1));
		assert_eq!((Market::stats(ALICE).defaults, Market::stats(BOB).defaults), (0, 0));
		// The escrowed coin goes back to Alice, who put it in.
		assert_eq!(units(ALICE, ALICE), 100);
	});
}

/// Alice buys Bob's coin with fiat; she pays and marks it sent; Bob never confirms.
#[test]
fn a_silent_acceptor_gets_a_dispute_not_the_offerers_bond() {
	run(|| {
		issue(BOB, &[BOB], 100);
		let id = offer_with(ALICE, fiat(), coin(BOB), ratio(1, 1), 50, 1, 100, 300).unwrap();
		let trade = accept(BOB, id, 50).unwrap();
		assert_eq!(held(HoldReason::Bond, ALICE), 300);
		assert_ok!(mark_sent(ALICE, trade));
		let bob_cod =
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&BOB);
		run_to(2 + SETTLEMENT_PERIOD);
		assert_ok!(resolve(trade));
		assert_eq!(held(HoldReason::Bond, ALICE), 0);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&ALICE),
			ENDOWMENT
		);
		// Bob's trade deposit came back, minus nothing: he gains no COD by staying silent.
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&BOB),
			bob_cod
		);
		assert_eq!((Market::stats(ALICE).disputes, Market::stats(BOB).disputes), (1, 1));
		assert_eq!(units(BOB, BOB), 100);
	});
}

#[test]
fn a_leg_marked_sent_and_confirmed_settles_as_usual() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		let id = offer_with(ALICE, coin(ALICE), fiat(), ratio(1, 1), 100, 1, 100, 100).unwrap();
		let trade = accept(BOB, id, 100).unwrap();
		assert_ok!(mark_sent(BOB, trade));
		assert_ok!(confirm(ALICE, trade));
		assert_eq!(units(BOB, ALICE), 100);
		assert_eq!(held(HoldReason::Bond, BOB), 0);
		assert_eq!((Market::stats(ALICE).settled, Market::stats(BOB).disputes), (1, 0));
	});
}

#[test]
fn only_the_payer_of_an_off_chain_leg_marks_it_sent_once_before_the_deadline() {
	run(|| {
		issue(ALICE, &[ALICE], 100);
		let id = offer_with(ALICE, coin(ALICE), fiat(), ratio(1, 1), 100, 1, 100, 0).unwrap();
		let trade = accept(BOB, id, 10).unwrap();
		assert_noop!(mark_sent(CHARLIE, trade), Error::<Test>::NotParty);
		// Alice's leg is her escrowed coin: nothing to send.
		assert_noop!(mark_sent(ALICE, trade), Error::<Test>::NothingToSend);
		assert_noop!(mark_sent(BOB, trade + 1), Error::<Test>::UnknownTrade);
		assert_ok!(mark_sent(BOB, trade));
		assert_noop!(mark_sent(BOB, trade), Error::<Test>::AlreadySent);

		let late = accept(BOB, id, 10).unwrap();
		let confirmed = accept(BOB, id, 10).unwrap();
		assert_ok!(confirm(ALICE, confirmed));
		run_to(2 + SETTLEMENT_PERIOD);
		assert_noop!(mark_sent(BOB, late), Error::<Test>::DeadlinePassed);
		// A settled trade is gone; a confirmed leg of a pending one cannot be re-marked.
		assert_noop!(mark_sent(BOB, confirmed), Error::<Test>::UnknownTrade);
		let both = offer_with(ALICE, fiat(), hours(), ratio(1, 1), 10, 1, 100, 0).unwrap();
		let t = accept(BOB, both, 10).unwrap();
		assert_ok!(confirm(BOB, t));
		assert_noop!(mark_sent(ALICE, t), Error::<Test>::AlreadyConfirmed);
	});
}

#[test]
fn an_unsent_leg_is_a_default_even_when_the_other_leg_is_disputed() {
	run(|| {
		// Fiat for hours, both off-chain: Alice marks her fiat sent, Bob never sends the hours,
		// and neither confirms.
		let id = offer_with(ALICE, fiat(), hours(), ratio(1, 1), 10, 1, 100, 20).unwrap();
		let trade = accept(BOB, id, 10).unwrap();
		assert_ok!(mark_sent(ALICE, trade));
		run_to(2 + SETTLEMENT_PERIOD);
		let issuance = Balances::total_issuance();
		assert_ok!(resolve(trade));
		assert_eq!((Market::stats(BOB).defaults, Market::stats(ALICE).defaults), (1, 0));
		assert_eq!((Market::stats(ALICE).disputes, Market::stats(BOB).disputes), (1, 1));
		// Bob's bond is burned, Alice's comes back.
		assert_eq!(Balances::total_issuance(), issuance - 20);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&ALICE),
			ENDOWMENT
		);
	});
}
