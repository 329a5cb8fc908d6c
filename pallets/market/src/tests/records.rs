//! Account records hold a deposit, count disputes, and close only when clean; the expiry
//! queue leaves no empty entry behind; the v0 → v1 storage migration.

use frame_support::{assert_noop, traits::OnRuntimeUpgrade};

use super::*;

#[test]
fn a_record_holds_a_deposit_and_closes_only_when_clean() {
	run(|| {
		let id = offer(BOB, cod(), fiat(), ratio(1, 1), 10);
		assert_eq!(held(HoldReason::Deposit, BOB), OFFER_DEPOSIT + RECORD_DEPOSIT);
		let close = |who| Market::close_record(RuntimeOrigin::signed(who));
		assert_noop!(close(BOB), Error::<Test>::RecordInUse);
		assert_noop!(close(DAVE), Error::<Test>::NoRecord);
		let trade = accept(CHARLIE, id, 10).unwrap();
		assert_eq!(held(HoldReason::Deposit, CHARLIE), TRADE_DEPOSIT + RECORD_DEPOSIT);
		// The offer is filled, but the trade is pending: neither record may go.
		assert_noop!(close(BOB), Error::<Test>::RecordInUse);
		assert_noop!(close(CHARLIE), Error::<Test>::RecordInUse);
		// Bob receives the fiat and confirms it.
		assert_ok!(Market::confirm_leg(RuntimeOrigin::signed(BOB), trade));
		assert_ok!(close(BOB));
		System::assert_last_event(Event::RecordClosed { who: BOB }.into());
		assert_eq!(held(HoldReason::Deposit, BOB), 0);
		assert_eq!(Market::stats(BOB), AccountStats::default());
	});
}

#[test]
fn defaults_and_disputes_stay_on_record() {
	run(|| {
		let id = offer_with(ALICE, fiat(), hours(), ratio(1, 1), 20, 1, 100, 0).unwrap();
		let t1 = accept(BOB, id, 10).unwrap();
		let t2 = accept(BOB, id, 10).unwrap();
		assert_ok!(Market::mark_sent(RuntimeOrigin::signed(ALICE), t1, None));
		assert_ok!(Market::confirm_leg(RuntimeOrigin::signed(BOB), t2));
		run_to(2 + SETTLEMENT_PERIOD);
		assert_ok!(Market::resolve_trade(RuntimeOrigin::signed(DAVE), t1));
		assert_ok!(Market::resolve_trade(RuntimeOrigin::signed(DAVE), t2));
		let bob = Market::stats(BOB);
		assert_eq!((bob.settled, bob.defaults, bob.disputes), (0, 2, 1));
		assert_eq!(Market::stats(ALICE).disputes, 1);
		for who in [ALICE, BOB] {
			assert_noop!(
				Market::close_record(RuntimeOrigin::signed(who)),
				Error::<Test>::RecordInUse
			);
		}
	});
}

#[test]
fn an_offer_that_ends_early_leaves_no_empty_expiry_queue() {
	run(|| {
		let a = offer_with(BOB, cod(), fiat(), ratio(1, 1), 10, 1, 50, 0).unwrap();
		let b = offer_with(BOB, cod(), fiat(), ratio(1, 1), 10, 1, 60, 0).unwrap();
		assert_ok!(Market::cancel_offer(RuntimeOrigin::signed(BOB), a));
		assert!(!Expiring::<Test>::contains_key(50));
		assert_ok!(accept(CHARLIE, b, 10));
		assert!(!Expiring::<Test>::contains_key(60));
	});
}

#[test]
fn the_v1_migration_keeps_offers_trades_and_records() {
	use crate::migrations::{v0, MigrateV0ToV1};
	use frame_support::{storage::unhashed, traits::StorageVersion};
	new_test_ext().execute_with(|| {
		StorageVersion::new(0).put::<Market>();
		let v0_offer = v0::Offer {
			offerer: ALICE,
			pay: fiat(),
			receive: cod(),
			ratio: ratio(1, 1),
			remaining: 30,
			min_fill: 1,
			expiry: 100u64,
			bond: 7u128,
			deposit: 0u128,
		};
		unhashed::put(&Offers::<Test>::hashed_key_for(5), &v0_offer);
		v0::OffersByPair::<Test>::insert((fiat(), cod(), 5), ());
		let leg = |resource, confirmed| v0::Leg { resource, amount: 3, confirmed };
		let v0_trade = v0::Trade {
			offer: 5,
			offerer: ALICE,
			acceptor: BOB,
			give: leg(fiat(), true),
			take: leg(cod(), true),
			deadline: 20u64,
			bond: 0u128,
			deposit: 0u128,
		};
		unhashed::put(&Trades::<Test>::hashed_key_for(9), &v0_trade);
		v0::TradesByAccount::<Test>::insert(ALICE, 9, ());
		v0::TradesByAccount::<Test>::insert(BOB, 9, ());
		let stats = v0::AccountStats { open_offers: 1, settled: 2, defaults: 3 };
		unhashed::put(&Stats::<Test>::hashed_key_for(ALICE), &stats);

		MigrateV0ToV1::<Test>::on_runtime_upgrade();

		assert_eq!(StorageVersion::get::<Market>(), 1);
		let o = Offers::<Test>::get(5).unwrap();
		assert_eq!((o.amount, o.remaining, o.bond), (30, 30, 7));
		assert_eq!(Market::offers_by_pair(fiat(), cod(), None, 10)[0].id, 5);
		let t = Trades::<Test>::get(9).unwrap();
		assert_eq!((t.give.status, t.take.status), (LegStatus::Confirmed, LegStatus::Escrowed));
		assert_eq!(Market::trades_of(BOB, None, 10)[0].id, 9);
		// The old keys are gone: only the two re-keyed entries are under the prefix.
		assert_eq!(TradesByAccount::<Test>::iter_keys().count(), 2);
		assert_eq!(OffersByPair::<Test>::iter_keys().count(), 1);
		let r = Stats::<Test>::get(ALICE).unwrap();
		assert_eq!((r.stats.settled, r.stats.defaults, r.stats.disputes), (2, 3, 0));
		// Running it again does nothing: the version gate holds.
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
	});
}
