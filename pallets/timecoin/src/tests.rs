//! Every rule of SPEC §3 and the issue's attack list, each in a test that fails if the rule is
//! broken. Every test ends with the pallet's invariants (`do_try_state`).

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};

use crate::{mock::*, pallet::*, types::*, Error, Event};

fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Timecoin::do_try_state().expect("invariants hold");
	});
}

fn outs(list: &[(AccountId, Seconds)]) -> Outputs<AccountId, <Test as Config>::MaxOutputs> {
	BoundedVec::truncate_from(
		list.iter().map(|&(holder, amount)| PourOutput { holder, amount }).collect(),
	)
}

fn ins(list: &[CoinId]) -> Inputs<<Test as Config>::MaxInputs> {
	BoundedVec::truncate_from(list.to_vec())
}

/// Coins created by the last pour, in output order.
fn last_outputs() -> Vec<CoinId> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Timecoin(Event::Poured { outputs, .. }) => {
				Some(outputs.into_iter().map(|(id, _, _)| id).collect())
			},
			_ => None,
		})
		.expect("a pour happened")
}

fn last_appointment() -> AppointmentId {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Timecoin(Event::AppointmentBooked { id, .. }) => Some(id),
			_ => None,
		})
		.expect("an appointment was booked")
}

/// `issuer` declares `capacity` and issues `amounts` to `holder`; returns the new coins.
fn issue_to(
	issuer: AccountId,
	capacity: Seconds,
	holder: AccountId,
	amounts: &[Seconds],
) -> Vec<CoinId> {
	assert_ok!(Timecoin::declare_capacity(RuntimeOrigin::signed(issuer), capacity));
	let list: Vec<_> = amounts.iter().map(|&a| (holder, a)).collect();
	assert_ok!(Timecoin::issue(RuntimeOrigin::signed(issuer), outs(&list)));
	last_outputs()
}

fn amount(id: CoinId) -> Option<Seconds> {
	Coins::<Test>::get(id).map(|c| c.amount)
}

fn holder_of(id: CoinId) -> Option<AccountId> {
	Coins::<Test>::get(id).map(|c| c.holder)
}

fn outstanding(issuer: AccountId) -> Seconds {
	Timecoin::issuer_summary(issuer).outstanding
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::CoinDeposit.into(), &who)
}

// ---- the seed example and the convenience calls -------------------------------------------

#[test]
fn seed_example_b_gives_85_of_10_and_80_to_c() {
	run(|| {
		let coins = issue_to(ALICE, 1_000, BOB, &[10, 80]);
		assert_ok!(Timecoin::transfer(RuntimeOrigin::signed(BOB), ins(&coins), CHARLIE, 85));
		let out = last_outputs();
		assert_eq!(out.len(), 2);
		assert_eq!((holder_of(out[0]), amount(out[0])), (Some(CHARLIE), Some(85)));
		assert_eq!((holder_of(out[1]), amount(out[1])), (Some(BOB), Some(5)));
		assert!(coins.iter().all(|c| amount(*c).is_none()), "inputs are spent");
		assert_eq!(outstanding(ALICE), 90, "a transfer moves seconds, it does not create them");
	});
}

#[test]
fn the_generic_pour_does_the_same_as_transfer() {
	run(|| {
		let coins = issue_to(ALICE, 1_000, BOB, &[10, 80]);
		assert_ok!(Timecoin::pour(
			RuntimeOrigin::signed(BOB),
			ALICE,
			ins(&coins),
			outs(&[(CHARLIE, 85), (BOB, 5)]),
			0,
			None
		));
		assert_eq!(Timecoin::coins_of(CHARLIE, None, 10)[0].amount, 85);
	});
}

#[test]
fn issue_adds_time_to_outstanding_and_coins_to_holders() {
	run(|| {
		let coins = issue_to(ALICE, 3_600, BOB, &[1_800, 600]);
		assert_eq!(outstanding(ALICE), 2_400);
		assert_eq!(Timecoin::coins_of(BOB, None, 10).len(), 2);
		let c = Timecoin::coin(coins[0]).unwrap();
		assert_eq!((c.issuer, c.holder, c.amount), (ALICE, BOB, 1_800));
	});
}

// ---- rule 1: one issuer ----------------------------------------------------------------------

#[test]
fn rule_1_inputs_of_two_issuers_are_rejected() {
	run(|| {
		let a = issue_to(ALICE, 100, BOB, &[10]);
		let d = issue_to(DAVE, 100, BOB, &[10]);
		let both = ins(&[a[0], d[0]]);
		assert_noop!(
			Timecoin::pour(
				RuntimeOrigin::signed(BOB),
				ALICE,
				both.clone(),
				outs(&[(BOB, 20)]),
				0,
				None
			),
			Error::<Test>::MixedIssuers
		);
		assert_noop!(
			Timecoin::transfer(RuntimeOrigin::signed(BOB), both, CHARLIE, 20),
			Error::<Test>::MixedIssuers
		);
		// Dave's coin cannot be poured into Alice's coins either.
		assert_noop!(
			Timecoin::pour(RuntimeOrigin::signed(BOB), ALICE, ins(&d), outs(&[(BOB, 10)]), 0, None),
			Error::<Test>::MixedIssuers
		);
	});
}

// ---- rule 2: inputs exist and are unspent: double spends -------------------------------------

#[test]
fn rule_2_the_same_coin_twice_in_one_pour_is_rejected() {
	run(|| {
		let c = issue_to(ALICE, 100, BOB, &[10]);
		assert_noop!(
			Timecoin::pour(
				RuntimeOrigin::signed(BOB),
				ALICE,
				ins(&[c[0], c[0]]),
				outs(&[(CHARLIE, 20)]),
				0,
				None
			),
			Error::<Test>::DuplicateInput
		);
	});
}

#[test]
fn rule_2_a_coin_spent_in_one_pour_cannot_be_spent_in_another() {
	run(|| {
		let c = issue_to(ALICE, 100, BOB, &[10]);
		assert_ok!(Timecoin::transfer(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 10));
		assert_noop!(
			Timecoin::transfer(RuntimeOrigin::signed(BOB), ins(&c), DAVE, 10),
			Error::<Test>::UnknownOrSpentInput
		);
		assert_noop!(
			Timecoin::pour(
				RuntimeOrigin::signed(BOB),
				ALICE,
				ins(&c),
				outs(&[(DAVE, 10)]),
				0,
				None
			),
			Error::<Test>::UnknownOrSpentInput
		);
	});
}

#[test]
fn rule_2_an_unknown_coin_is_rejected() {
	run(|| {
		issue_to(ALICE, 100, BOB, &[10]);
		assert_noop!(
			Timecoin::pour(
				RuntimeOrigin::signed(BOB),
				ALICE,
				ins(&[CoinId::repeat_byte(7)]),
				outs(&[(BOB, 10)]),
				0,
				None
			),
			Error::<Test>::UnknownOrSpentInput
		);
	});
}

// ---- rule 3: the pourer holds every input ----------------------------------------------------

#[test]
fn rule_3_a_pour_by_someone_who_does_not_hold_the_input_is_rejected() {
	run(|| {
		let c = issue_to(ALICE, 100, BOB, &[10]);
		assert_noop!(
			Timecoin::transfer(RuntimeOrigin::signed(CHARLIE), ins(&c), CHARLIE, 10),
			Error::<Test>::NotHolder
		);
		// Not even the issuer may spend a coin it issued to someone else.
		assert_noop!(
			Timecoin::pour(
				RuntimeOrigin::signed(ALICE),
				ALICE,
				ins(&c),
				outs(&[(ALICE, 10)]),
				0,
				None
			),
			Error::<Test>::NotHolder
		);
	});
}

// ---- rule 4: only the issuer adds time -------------------------------------------------------

#[test]
fn rule_4_time_added_by_a_non_issuer_is_rejected() {
	run(|| {
		let c = issue_to(ALICE, 100, BOB, &[10]);
		assert_noop!(
			Timecoin::pour(
				RuntimeOrigin::signed(BOB),
				ALICE,
				ins(&c),
				outs(&[(BOB, 20)]),
				10,
				None
			),
			Error::<Test>::TimeAddedByNonIssuer
		);
		assert_noop!(
			Timecoin::pour(RuntimeOrigin::signed(BOB), ALICE, ins(&[]), outs(&[(BOB, 5)]), 5, None),
			Error::<Test>::TimeAddedByNonIssuer
		);
	});
}

// ---- rule 5: conservation, overflow ---------------------------------------------------------

#[test]
fn rule_5_outputs_must_balance_inputs_plus_time_minus_interval() {
	run(|| {
		let c = issue_to(ALICE, 1_000, BOB, &[10, 80]);
		for outputs in [outs(&[(CHARLIE, 85), (BOB, 6)]), outs(&[(CHARLIE, 85), (BOB, 4)])] {
			assert_noop!(
				Timecoin::pour(RuntimeOrigin::signed(BOB), ALICE, ins(&c), outputs, 0, None),
				Error::<Test>::Unbalanced
			);
		}
		// The issuer's time must match the outputs too.
		assert_noop!(
			Timecoin::pour(
				RuntimeOrigin::signed(ALICE),
				ALICE,
				ins(&[]),
				outs(&[(BOB, 11)]),
				10,
				None
			),
			Error::<Test>::Unbalanced
		);
		// Transfer more than the inputs hold.
		assert_noop!(
			Timecoin::transfer(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 91),
			Error::<Test>::InsufficientInputs
		);
	});
}

#[test]
fn rule_5_sums_that_overflow_are_rejected() {
	run(|| {
		assert_ok!(Timecoin::declare_capacity(RuntimeOrigin::signed(ALICE), u64::MAX));
		assert_noop!(
			Timecoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, u64::MAX), (BOB, 1)])),
			Error::<Test>::Overflow
		);
		assert_noop!(
			Timecoin::pour(
				RuntimeOrigin::signed(ALICE),
				ALICE,
				ins(&[]),
				outs(&[(BOB, u64::MAX), (CHARLIE, 2)]),
				1,
				None
			),
			Error::<Test>::Overflow
		);
		// Two coins whose sum overflows cannot be merged.
		let big = issue_to(ALICE, u64::MAX, BOB, &[u64::MAX - 1]);
		assert_ok!(Timecoin::declare_capacity(RuntimeOrigin::signed(ALICE), u64::MAX));
		// Outstanding seconds cannot wrap around either.
		assert_noop!(
			Timecoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 2)])),
			Error::<Test>::Overflow
		);
		assert_eq!(amount(big[0]), Some(u64::MAX - 1));
	});
}

#[test]
fn zero_outputs_and_empty_pours_are_rejected() {
	run(|| {
		let c = issue_to(ALICE, 100, BOB, &[10]);
		assert_noop!(
			Timecoin::pour(
				RuntimeOrigin::signed(BOB),
				ALICE,
				ins(&c),
				outs(&[(BOB, 10), (CHARLIE, 0)]),
				0,
				None
			),
			Error::<Test>::ZeroAmountOutput
		);
		assert_noop!(
			Timecoin::transfer(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 0),
			Error::<Test>::ZeroAmountOutput
		);
		assert_noop!(
			Timecoin::pour(RuntimeOrigin::signed(ALICE), ALICE, ins(&[]), outs(&[]), 0, None),
			Error::<Test>::EmptyPour
		);
		assert_noop!(
			Timecoin::transfer(RuntimeOrigin::signed(BOB), ins(&[]), CHARLIE, 1),
			Error::<Test>::EmptyPour
		);
	});
}

// ---- capacity ----------------------------------------------------------------------------------

#[test]
fn issuing_needs_a_declared_capacity_and_stays_within_it() {
	run(|| {
		assert_noop!(
			Timecoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 1)])),
			Error::<Test>::NoCapacityDeclared
		);
		issue_to(ALICE, 100, BOB, &[60]);
		assert_ok!(Timecoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(CHARLIE, 40)])));
		assert_noop!(
			Timecoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(CHARLIE, 1)])),
			Error::<Test>::CapacityExceeded
		);
		let s = Timecoin::issuer_summary(ALICE);
		assert_eq!((s.capacity, s.outstanding), (100, 100));
	});
}

#[test]
fn capacity_cannot_drop_below_outstanding_but_can_rise() {
	run(|| {
		issue_to(ALICE, 100, BOB, &[60]);
		assert_noop!(
			Timecoin::declare_capacity(RuntimeOrigin::signed(ALICE), 59),
			Error::<Test>::CapacityBelowOutstanding
		);
		assert_ok!(Timecoin::declare_capacity(RuntimeOrigin::signed(ALICE), 60));
		assert_ok!(Timecoin::declare_capacity(RuntimeOrigin::signed(ALICE), 500));
		System::assert_last_event(Event::CapacityDeclared { issuer: ALICE, capacity: 500 }.into());
		assert_eq!(Timecoin::issuer_summary(ALICE).capacity, 500);
	});
}

// ---- deposits --------------------------------------------------------------------------------

#[test]
fn each_live_coin_holds_a_deposit_returned_to_its_payer_when_spent() {
	run(|| {
		let before = Balances::free_balance(ALICE);
		let c = issue_to(ALICE, 100, BOB, &[10, 20]);
		// Issuer record + two coins, all paid by the issuer.
		assert_eq!(held(ALICE), 2 * COIN_DEPOSIT);
		assert_eq!(before - Balances::free_balance(ALICE), ISSUER_DEPOSIT + 2 * COIN_DEPOSIT);

		// Bob spends both: Alice gets both deposits back; Bob pays for the two new coins.
		assert_ok!(Timecoin::transfer(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 25));
		assert_eq!(held(ALICE), 0);
		assert_eq!(held(BOB), 2 * COIN_DEPOSIT);
		assert_eq!(before - Balances::free_balance(ALICE), ISSUER_DEPOSIT);
	});
}

#[test]
fn a_pourer_who_cannot_pay_the_deposit_changes_nothing() {
	run(|| {
		// POOR can afford the issuer record but not a coin deposit on top.
		assert_ok!(Timecoin::declare_capacity(RuntimeOrigin::signed(POOR), 100));
		assert_noop!(
			Timecoin::issue(RuntimeOrigin::signed(POOR), outs(&[(BOB, 1)])),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn coin_and_pour_ids_are_never_reused() {
	run(|| {
		let mut seen = std::collections::BTreeSet::new();
		let mut coins = issue_to(ALICE, 1_000, BOB, &[100]);
		seen.insert(coins[0]);
		for _ in 0..20 {
			assert_ok!(Timecoin::transfer(RuntimeOrigin::signed(BOB), ins(&coins), BOB, 100));
			coins = last_outputs();
			assert!(seen.insert(coins[0]), "a coin id came back");
		}
		assert_eq!(NextPourId::<Test>::get(), 21);
	});
}

// ---- appointments: booking ---------------------------------------------------------------------

const HOUR: u64 = 3_600;

/// Alice issues `seconds` to Bob, who books `[T0 + start, T0 + start + len)`.
fn book(seconds: Seconds, start: u64, len: u64) -> (AppointmentId, Vec<CoinId>) {
	let coins = issue_to(ALICE, 100 * HOUR, BOB, &[seconds]);
	assert_ok!(Timecoin::exercise(
		RuntimeOrigin::signed(BOB),
		ins(&coins),
		T0 + start,
		T0 + start + len
	));
	(last_appointment(), last_outputs())
}

#[test]
fn exercise_books_the_issuers_time_and_returns_change() {
	run(|| {
		let (id, change) = book(2 * HOUR, HOUR, HOUR);
		assert_eq!(change.len(), 1);
		assert_eq!((holder_of(change[0]), amount(change[0])), (Some(BOB), Some(HOUR)));
		let a = Appointments::<Test>::get(id).unwrap();
		assert_eq!((a.issuer, a.holder, a.begin, a.end), (ALICE, BOB, T0 + HOUR, T0 + 2 * HOUR));
		// The seconds are locked in the appointment, still owed by Alice.
		assert_eq!(outstanding(ALICE), 2 * HOUR);
		let listed = Timecoin::appointments_of(ALICE, T0, T0 + 10 * HOUR);
		assert_eq!(listed.len(), 1);
		assert_eq!(listed[0].id, id);
		assert!(Timecoin::appointments_of(ALICE, T0 + 2 * HOUR, T0 + 3 * HOUR).is_empty());
	});
}

#[test]
fn an_issuers_appointments_never_overlap() {
	run(|| {
		let coins = issue_to(ALICE, 100 * HOUR, BOB, &[HOUR, HOUR, HOUR, HOUR]);
		let ex = |c: CoinId, b: u64, e: u64| {
			Timecoin::exercise(RuntimeOrigin::signed(BOB), ins(&[c]), T0 + b, T0 + e)
		};
		assert_ok!(ex(coins[0], 2 * HOUR, 3 * HOUR));
		// Overlapping the start, the end, or the whole of the booked hour.
		assert_noop!(ex(coins[1], 2 * HOUR + 1, 2 * HOUR + 2), Error::<Test>::AppointmentOverlaps);
		assert_noop!(ex(coins[1], HOUR + 1, 2 * HOUR + 1), Error::<Test>::AppointmentOverlaps);
		assert_noop!(ex(coins[1], 3 * HOUR - 1, 4 * HOUR - 1), Error::<Test>::AppointmentOverlaps);
		// Back to back is fine, on both sides.
		assert_ok!(ex(coins[1], HOUR, 2 * HOUR));
		assert_ok!(ex(coins[2], 3 * HOUR, 4 * HOUR));
		// Charlie's time is another issuer's: no conflict with Alice's schedule.
		let c = issue_to(CHARLIE, HOUR, BOB, &[HOUR]);
		assert_ok!(ex(c[0], 2 * HOUR, 3 * HOUR));
	});
}

#[test]
fn booking_errors() {
	run(|| {
		let c = issue_to(ALICE, 100 * HOUR, BOB, &[HOUR, HOUR, HOUR, HOUR, HOUR]);
		let ex = |who, coin: CoinId, b: u64, e: u64| {
			Timecoin::exercise(RuntimeOrigin::signed(who), ins(&[coin]), b, e)
		};
		assert_noop!(ex(BOB, c[0], T0 + 10, T0 + 10), Error::<Test>::InvalidInterval);
		assert_noop!(ex(BOB, c[0], T0 - HOUR, T0), Error::<Test>::AppointmentInPast);
		assert_noop!(ex(BOB, c[0], T0, T0 + HOUR + 1), Error::<Test>::InsufficientInputs);
		// An issuer booking its own time is meaningless.
		let own = issue_to(ALICE, 100 * HOUR, ALICE, &[HOUR]);
		assert_noop!(ex(ALICE, own[0], T0, T0 + HOUR), Error::<Test>::IssuerCannotExercise);
		// MaxOpenAppointments = 4.
		for (i, coin) in c.iter().take(4).enumerate() {
			let start = T0 + i as u64 * HOUR;
			assert_ok!(ex(BOB, *coin, start, start + HOUR));
		}
		assert_noop!(
			ex(BOB, c[4], T0 + 10 * HOUR, T0 + 11 * HOUR),
			Error::<Test>::TooManyAppointments
		);
	});
}

#[test]
fn booking_holds_a_deposit_from_the_holder() {
	run(|| {
		let before = held(BOB);
		book(2 * HOUR, HOUR, HOUR);
		// One change coin and one appointment, both paid by Bob.
		assert_eq!(held(BOB) - before, 2 * COIN_DEPOSIT);
	});
}

// ---- appointments: confirm and settle ---------------------------------------------------------

#[test]
fn both_confirmations_settle_the_appointment() {
	run(|| {
		let (id, _) = book(HOUR, HOUR, HOUR);
		assert_noop!(Timecoin::confirm(RuntimeOrigin::signed(BOB), id), Error::<Test>::NotEnded);
		set_now(T0 + 2 * HOUR);
		assert_noop!(
			Timecoin::confirm(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NotParty
		);
		assert_ok!(Timecoin::confirm(RuntimeOrigin::signed(BOB), id));
		assert_noop!(
			Timecoin::confirm(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::AlreadyConfirmed
		);
		assert_eq!(outstanding(ALICE), HOUR);
		let held_before = held(BOB);
		assert_ok!(Timecoin::confirm(RuntimeOrigin::signed(ALICE), id));
		System::assert_last_event(
			Event::AppointmentSettled { id, issuer: ALICE, seconds: HOUR }.into(),
		);
		assert!(Appointments::<Test>::get(id).is_none());
		assert_eq!(outstanding(ALICE), 0, "the hour was paid");
		assert_eq!(held_before - held(BOB), COIN_DEPOSIT, "appointment deposit returned");
		assert_noop!(
			Timecoin::confirm(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::UnknownAppointment
		);
	});
}

#[test]
fn an_unconfirmed_appointment_settles_as_kept_after_the_objection_window() {
	run(|| {
		let (id, _) = book(HOUR, HOUR, HOUR);
		set_now(T0 + 2 * HOUR + OBJECTION_WINDOW);
		assert_noop!(
			Timecoin::settle(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::TooEarlyToSettle
		);
		set_now(T0 + 2 * HOUR + OBJECTION_WINDOW + 1);
		assert_ok!(Timecoin::settle(RuntimeOrigin::signed(DAVE), id));
		assert_eq!(outstanding(ALICE), 0);
		assert_noop!(
			Timecoin::settle(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::UnknownAppointment
		);
	});
}

// ---- appointments: cancel and refund -----------------------------------------------------------

#[test]
fn the_issuer_may_cancel_and_the_holder_is_refunded() {
	run(|| {
		let (id, _) = book(HOUR, HOUR, HOUR);
		assert_noop!(
			Timecoin::cancel_appointment(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotIssuer
		);
		let bob_held = held(BOB);
		assert_ok!(Timecoin::cancel_appointment(RuntimeOrigin::signed(ALICE), id));
		let coins = Timecoin::coins_of(BOB, None, 10);
		assert_eq!(coins.len(), 1);
		assert_eq!((coins[0].issuer, coins[0].amount), (ALICE, HOUR));
		assert_eq!(outstanding(ALICE), HOUR, "the seconds are owed again, as a coin");
		assert_eq!(held(BOB), bob_held, "the appointment deposit now backs the refund coin");
		assert_eq!(Timecoin::issuer_summary(ALICE).no_shows, 0);
		assert!(Timecoin::appointments_of(ALICE, 0, u64::MAX).is_empty());
		// The refunded hour can be booked again.
		assert_ok!(Timecoin::exercise(
			RuntimeOrigin::signed(BOB),
			ins(&[coins[0].id]),
			T0 + HOUR,
			T0 + 2 * HOUR
		));
	});
}

// ---- appointments: no-shows -------------------------------------------------------------------

#[test]
fn an_unanswered_no_show_refunds_the_holder_and_counts_against_the_issuer() {
	run(|| {
		let (id, _) = book(HOUR, HOUR, HOUR);
		assert_noop!(
			Timecoin::report_no_show(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotStarted
		);
		set_now(T0 + HOUR + 60);
		assert_noop!(
			Timecoin::report_no_show(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotHolder
		);
		assert_ok!(Timecoin::report_no_show(RuntimeOrigin::signed(BOB), id));
		assert_noop!(
			Timecoin::report_no_show(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::WrongStatus
		);
		// Once reported, the issuer cannot dodge the record by cancelling.
		assert_noop!(
			Timecoin::cancel_appointment(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::WrongStatus
		);
		assert_noop!(
			Timecoin::settle(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::TooEarlyToSettle
		);

		set_now(T0 + HOUR + 60 + ANSWER_WINDOW + 1);
		assert_noop!(
			Timecoin::answer_no_show(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::AnswerWindowClosed
		);
		assert_ok!(Timecoin::settle(RuntimeOrigin::signed(DAVE), id));
		assert_eq!(Timecoin::issuer_summary(ALICE).no_shows, 1);
		let refund = Timecoin::coins_of(BOB, None, 10);
		assert_eq!(refund.len(), 1);
		assert_eq!(refund[0].amount, HOUR);
		assert_eq!(outstanding(ALICE), HOUR);
	});
}

#[test]
fn a_contested_no_show_settles_as_kept_and_is_recorded() {
	run(|| {
		let (id, _) = book(HOUR, HOUR, HOUR);
		set_now(T0 + 2 * HOUR);
		assert_ok!(Timecoin::report_no_show(RuntimeOrigin::signed(BOB), id));
		assert_noop!(
			Timecoin::answer_no_show(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotIssuer
		);
		assert_ok!(Timecoin::answer_no_show(RuntimeOrigin::signed(ALICE), id));
		let s = Timecoin::issuer_summary(ALICE);
		assert_eq!((s.no_shows, s.contested, s.outstanding), (0, 1, 0));
		assert!(Timecoin::coins_of(BOB, None, 10).is_empty());
	});
}

#[test]
fn a_no_show_must_be_reported_within_the_objection_window() {
	run(|| {
		let (id, _) = book(HOUR, HOUR, HOUR);
		set_now(T0 + 2 * HOUR + OBJECTION_WINDOW + 1);
		assert_noop!(
			Timecoin::report_no_show(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::ObjectionWindowClosed
		);
	});
}

#[test]
fn a_holder_who_confirmed_cannot_report_a_no_show() {
	run(|| {
		let (id, _) = book(HOUR, HOUR, HOUR);
		set_now(T0 + 2 * HOUR);
		assert_ok!(Timecoin::confirm(RuntimeOrigin::signed(BOB), id));
		assert_noop!(
			Timecoin::report_no_show(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::AlreadyConfirmed
		);
	});
}

// ---- queries -----------------------------------------------------------------------------------

#[test]
fn coins_of_pages_through_a_holders_coins() {
	run(|| {
		let issued = issue_to(ALICE, 1_000, BOB, &[1, 2, 3, 4, 5]);
		let first = Timecoin::coins_of(BOB, None, 2);
		assert_eq!(first.len(), 2);
		let second = Timecoin::coins_of(BOB, Some(first[1].id), 2);
		let third = Timecoin::coins_of(BOB, Some(second[1].id), 2);
		assert_eq!((second.len(), third.len()), (2, 1));
		let mut all: Vec<CoinId> =
			first.iter().chain(&second).chain(&third).map(|c| c.id).collect();
		all.sort();
		let mut expected = issued.clone();
		expected.sort();
		assert_eq!(all, expected);
		assert!(Timecoin::coins_of(CHARLIE, None, 10).is_empty());
		assert_eq!(Timecoin::issuer_summary(CHARLIE), IssuerSummary::default());
	});
}

// ---- escrow (what the market uses) -------------------------------------------------------

#[test]
fn escrowed_seconds_stay_outstanding_and_pay_out_as_new_coins() {
	run(|| {
		issue_to(ALICE, 1_000, BOB, &[30, 30, 40]);
		assert_ok!(Timecoin::escrow_lock(&ALICE, &BOB, 50));
		assert_eq!(Timecoin::balance_of(&BOB, &ALICE), 50);
		assert_eq!(Timecoin::escrowed(&ALICE, &BOB), 50);
		// The issuer still owes every second, in coins or in escrow.
		assert_eq!(outstanding(ALICE), 100);

		let coin = Timecoin::escrow_unlock(&ALICE, &BOB, &CHARLIE, 20, &CHARLIE).unwrap();
		assert_eq!((holder_of(coin), amount(coin)), (Some(CHARLIE), Some(20)));
		assert_eq!(held(CHARLIE), COIN_DEPOSIT);
		assert_noop!(
			Timecoin::escrow_unlock(&ALICE, &BOB, &CHARLIE, 31, &CHARLIE),
			Error::<Test>::InsufficientEscrow
		);
		assert_noop!(
			Timecoin::escrow_unlock(&ALICE, &CHARLIE, &CHARLIE, 1, &CHARLIE),
			Error::<Test>::InsufficientEscrow
		);
		assert_ok!(Timecoin::escrow_unlock(&ALICE, &BOB, &BOB, 30, &BOB));
		assert_eq!(Timecoin::escrowed(&ALICE, &BOB), 0);
		assert_eq!(Timecoin::balance_of(&BOB, &ALICE), 80);
		assert_eq!(outstanding(ALICE), 100);
	});
}

#[test]
fn moving_seconds_by_amount_refuses_what_the_holder_lacks() {
	run(|| {
		issue_to(ALICE, 1_000, BOB, &[1; 8]);
		assert_ok!(Timecoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 1), (BOB, 1)])));
		// Nine seconds lie in nine coins, more than one pour may consume.
		assert_noop!(Timecoin::escrow_lock(&ALICE, &BOB, 9), Error::<Test>::TooFragmented);
		assert_noop!(
			Timecoin::transfer_seconds(&CHARLIE, &ALICE, &BOB, 1),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Timecoin::transfer_seconds(&BOB, &ALICE, &CHARLIE, 5));
		assert_eq!(Timecoin::balance_of(&CHARLIE, &ALICE), 5);
		assert_noop!(
			Timecoin::escrow_lock(&ALICE, &CHARLIE, 6),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(Timecoin::escrow_lock(&ALICE, &BOB, 0), Error::<Test>::ZeroAmountOutput);
	});
}
