//! Every rule of SPEC §4 "codcoin" and the issue's attack list, each in a test that fails if the
//! rule is broken. The pallet's invariants (`do_try_state`) are checked after every step that
//! succeeds (this file's `assert_ok!`) and at the end of every test.

use codec::{Decode, Encode};
use frame_support::{
	assert_noop,
	dispatch::GetDispatchInfo,
	traits::{fungible::InspectHold, UnfilteredDispatchable},
	BoundedVec,
};
use sp_runtime::DispatchError;
use utxo_core::{CoinLedger, LedgerError};

use crate::{mock::*, pallet::*, types::*, Error, Event};

mod fuzz;

/// `frame_support::assert_ok!`, then the invariants: every successful step leaves a valid state.
macro_rules! assert_ok {
	($($arg:tt)*) => {{
		frame_support::assert_ok!($($arg)*);
		Codcoin::do_try_state().expect("invariants hold after the step");
	}};
}

fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Codcoin::do_try_state().expect("invariants hold");
	});
}

fn outs(list: &[(AccountId, Units)]) -> Outputs<AccountId, <Test as Config>::MaxOutputs> {
	BoundedVec::truncate_from(
		list.iter().map(|&(holder, amount)| PourOutput { holder, amount }).collect(),
	)
}

fn ins(list: &[CoinId]) -> Inputs<<Test as Config>::MaxInputs> {
	BoundedVec::truncate_from(list.to_vec())
}

/// Coins created by the last mint record, in output order.
fn last_outputs() -> Vec<CoinId> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Codcoin(Event::Poured { outputs, .. }) => {
				Some(outputs.into_iter().map(|(id, _, _)| id).collect())
			},
			_ => None,
		})
		.expect("a pour happened")
}

fn last_claim() -> ClaimId {
	NextClaimId::<Test>::get() - 1
}

/// A claim with no attestor: counts at once.
fn declare(issuer: AccountId, value: Units, expiry: u64) {
	assert_ok!(Codcoin::declare_claim(
		RuntimeOrigin::signed(issuer),
		ClaimKind::Stock { units: 10 },
		value,
		expiry,
		None
	));
}

fn issue(issuer: AccountId, list: &[(AccountId, Units)]) -> Vec<CoinId> {
	assert_ok!(Codcoin::issue(RuntimeOrigin::signed(issuer), outs(list)));
	last_outputs()
}

/// Alice backs 1000 units until block 100 and issues `amounts` to `holder`.
fn alice_issues(holder: AccountId, amounts: &[Units]) -> Vec<CoinId> {
	declare(ALICE, 1_000, 100);
	let list: Vec<_> = amounts.iter().map(|&a| (holder, a)).collect();
	issue(ALICE, &list)
}

fn amount(id: CoinId) -> Option<Units> {
	Coins::<Test>::get(id).map(|c| c.amount)
}

fn holder_of(id: CoinId) -> Option<AccountId> {
	Coins::<Test>::get(id).map(|c| c.holder)
}

fn supply(issuer: AccountId) -> Units {
	Codcoin::issuer_summary(issuer).supply
}

fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// Dispatches like a transaction does (inside a storage layer) and returns the error.
fn dispatch(who: AccountId, call: Call<Test>) -> Result<(), DispatchError> {
	let _ = call.get_dispatch_info();
	call.dispatch_bypass_filter(RuntimeOrigin::signed(who)).map(|_| ()).map_err(|e| e.error)
}

// ---- collateral --------------------------------------------------------------------------

#[test]
fn issuing_needs_a_claim() {
	run(|| {
		assert_noop!(
			Codcoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 1)])),
			Error::<Test>::NoCollateral
		);
	});
}

#[test]
fn supply_never_exceeds_the_sum_of_live_claims() {
	run(|| {
		declare(ALICE, 600, 100);
		declare(ALICE, 400, 50);
		assert_eq!(Codcoin::cap(&ALICE), 1_000);
		issue(ALICE, &[(BOB, 700)]);
		assert_noop!(
			Codcoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 301)])),
			Error::<Test>::CollateralExceeded
		);
		// Exactly up to the cap is fine.
		issue(ALICE, &[(BOB, 200), (CHARLIE, 100)]);
		assert_eq!(supply(ALICE), 1_000);
		assert_noop!(
			Codcoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 1)])),
			Error::<Test>::CollateralExceeded
		);
	});
}

#[test]
fn an_attested_claim_counts_only_once_its_attestor_cosigns() {
	run(|| {
		assert_ok!(Codcoin::declare_claim(
			RuntimeOrigin::signed(ALICE),
			ClaimKind::Labour { person_hours: 160 },
			500,
			100,
			Some(AUDITOR)
		));
		let id = last_claim();
		assert_eq!(Codcoin::cap(&ALICE), 0);
		assert_noop!(
			Codcoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 1)])),
			Error::<Test>::CollateralExceeded
		);
		// Wrong signer: neither the issuer nor a stranger may co-sign.
		for who in [ALICE, BOB] {
			assert_noop!(
				Codcoin::attest_claim(RuntimeOrigin::signed(who), ALICE, id),
				Error::<Test>::NotAttestor
			);
		}
		assert_noop!(
			Codcoin::attest_claim(RuntimeOrigin::signed(AUDITOR), ALICE, id + 1),
			Error::<Test>::UnknownClaim
		);
		assert_ok!(Codcoin::attest_claim(RuntimeOrigin::signed(AUDITOR), ALICE, id));
		System::assert_last_event(
			Event::ClaimAttested { issuer: ALICE, claim: id, attestor: AUDITOR }.into(),
		);
		assert_eq!(Codcoin::cap(&ALICE), 500);
		issue(ALICE, &[(BOB, 500)]);
		// Replay of the co-signature.
		assert_noop!(
			Codcoin::attest_claim(RuntimeOrigin::signed(AUDITOR), ALICE, id),
			Error::<Test>::AlreadyAttested
		);
	});
}

#[test]
fn an_expired_claim_cannot_be_attested() {
	run(|| {
		assert_ok!(Codcoin::declare_claim(
			RuntimeOrigin::signed(ALICE),
			ClaimKind::Service { capacity: 24 },
			500,
			10,
			Some(AUDITOR)
		));
		System::set_block_number(10);
		assert_noop!(
			Codcoin::attest_claim(RuntimeOrigin::signed(AUDITOR), ALICE, last_claim()),
			Error::<Test>::ClaimExpired
		);
	});
}

#[test]
fn bad_claims_are_refused() {
	run(|| {
		let stock = ClaimKind::Stock { units: 1 };
		let o = RuntimeOrigin::signed(ALICE);
		assert_noop!(
			Codcoin::declare_claim(o.clone(), stock, 0, 10, None),
			Error::<Test>::ZeroValueClaim
		);
		assert_noop!(
			Codcoin::declare_claim(o.clone(), stock, 1, 1, None),
			Error::<Test>::ExpiryInPast
		);
		assert_noop!(
			Codcoin::declare_claim(o.clone(), stock, 1, 10, Some(ALICE)),
			Error::<Test>::SelfAttestation
		);
		for _ in 0..4 {
			declare(ALICE, 1, 10);
		}
		assert_noop!(Codcoin::declare_claim(o, stock, 1, 10, None), Error::<Test>::TooManyClaims);
		assert_eq!(held(HoldReason::ClaimDeposit, ALICE), 4 * CLAIM_DEPOSIT);
		assert_eq!(held(HoldReason::IssuerDeposit, ALICE), ISSUER_DEPOSIT);
	});
}

#[test]
fn a_claim_needs_its_deposit() {
	run(|| {
		declare(POOR, 1, 10);
		assert_eq!(
			dispatch(
				POOR,
				Call::declare_claim {
					kind: ClaimKind::Stock { units: 1 },
					value: 1,
					expiry: 10,
					attestor: None
				}
			),
			Err(Error::<Test>::InsufficientDeposit.into())
		);
		assert_eq!(Codcoin::issuer_summary(POOR).claims, 1);
	});
}

#[test]
fn expired_claims_put_the_coin_in_shortfall_until_renewed() {
	run(|| {
		declare(ALICE, 1_000, 20);
		let coins = issue(ALICE, &[(BOB, 600), (BOB, 400)]);
		System::set_block_number(20);
		let s = Codcoin::issuer_summary(ALICE);
		assert_eq!((s.supply, s.cap, s.shortfall), (1_000, 0, 1_000));
		// Issuing stops, with its own error.
		assert_noop!(
			Codcoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 1)])),
			Error::<Test>::InShortfall
		);
		// A partial renewal still leaves a shortfall: still no issuing.
		declare(ALICE, 500, 100);
		assert_eq!(Codcoin::shortfall(&ALICE), 500);
		assert_noop!(
			Codcoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 1)])),
			Error::<Test>::InShortfall
		);
		// Remint and destroy keep working.
		assert_ok!(Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&coins[..1]), CHARLIE, 100));
		assert_ok!(Codcoin::destroy(RuntimeOrigin::signed(BOB), ins(&coins[1..])));
		assert_eq!(Codcoin::shortfall(&ALICE), 100);
		// Renewed: the cap covers supply again and issuing resumes up to it.
		declare(ALICE, 400, 100);
		assert_eq!(Codcoin::issuer_summary(ALICE).shortfall, 0);
		issue(ALICE, &[(BOB, 300)]);
		assert_eq!(supply(ALICE), 900);
	});
}

#[test]
fn a_claim_that_backs_supply_cannot_be_retired() {
	run(|| {
		declare(ALICE, 600, 100);
		let a = last_claim();
		declare(ALICE, 400, 10);
		let b = last_claim();
		issue(ALICE, &[(BOB, 700)]);
		assert_noop!(
			Codcoin::retire_claim(RuntimeOrigin::signed(ALICE), a),
			Error::<Test>::ClaimBacksSupply
		);
		assert_noop!(
			Codcoin::retire_claim(RuntimeOrigin::signed(BOB), a),
			Error::<Test>::UnknownClaim
		);
		// Once expired it backs nothing and may go; its deposit comes back.
		System::set_block_number(10);
		assert_ok!(Codcoin::retire_claim(RuntimeOrigin::signed(ALICE), b));
		assert_eq!(held(HoldReason::ClaimDeposit, ALICE), CLAIM_DEPOSIT);
		assert_eq!(Codcoin::shortfall(&ALICE), 100);
	});
}

#[test]
fn retiring_the_last_claim_of_an_empty_coin_returns_every_deposit() {
	run(|| {
		declare(ALICE, 100, 10);
		let c = issue(ALICE, &[(ALICE, 100)]);
		assert_ok!(Codcoin::destroy(RuntimeOrigin::signed(ALICE), ins(&c)));
		assert_ok!(Codcoin::retire_claim(RuntimeOrigin::signed(ALICE), last_claim()));
		assert!(Issuers::<Test>::get(ALICE).is_none());
		assert_eq!(Balances::total_balance_on_hold(&ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), ENDOWMENT);
	});
}

// ---- mint records ------------------------------------------------------------------------

#[test]
fn seed_example_a_payment_is_a_remint_naming_the_receiver() {
	run(|| {
		let c = alice_issues(BOB, &[10, 80]);
		assert_ok!(Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 85));
		let out = last_outputs();
		assert_eq!((holder_of(out[0]), amount(out[0])), (Some(CHARLIE), Some(85)));
		assert_eq!((holder_of(out[1]), amount(out[1])), (Some(BOB), Some(5)));
		assert!(amount(c[0]).is_none() && amount(c[1]).is_none());
		assert_eq!(supply(ALICE), 90);
		assert_eq!(Codcoin::balance_of(&CHARLIE, &ALICE), 85);
	});
}

/// A payment is charged up front as if each input's deposit went back to another account, and
/// refunded to what it did: change the payer paid for costs `pay_own`, a coin someone else
/// paid for `pay`.
#[test]
fn a_payment_is_charged_for_the_deposits_it_returns_to_others() {
	use crate::weights::WeightInfo;
	use frame_support::dispatch::GetDispatchInfo;
	run(|| {
		let c = alice_issues(BOB, &[10, 80]);
		let call = Call::<Test>::pay { inputs: ins(&c), to: CHARLIE, amount: 1 };
		// Up front: the larger of the two benchmarks.
		let limit = <() as WeightInfo>::pay(2).max(<() as WeightInfo>::pay_own(2));
		assert_eq!(call.get_dispatch_info().call_weight, limit);
		// Alice paid for the coin: her hold is released, the full charge stands.
		let post =
			Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&c[..1]), CHARLIE, 1).expect("pays");
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::pay(1)));
		// Bob paid for his change: nobody else is refunded.
		let change = last_outputs()[1];
		let post =
			Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&[change]), CHARLIE, 1).expect("pays");
		// The fixed part is the larger of the two benchmarks' (their fits differ by noise);
		// each input adds its own kind's slope.
		let base = <() as WeightInfo>::pay_own(0).max(<() as WeightInfo>::pay(0));
		let own_slope =
			<() as WeightInfo>::pay_own(1).saturating_sub(<() as WeightInfo>::pay_own(0));
		let foreign_slope = <() as WeightInfo>::pay(1).saturating_sub(<() as WeightInfo>::pay(0));
		assert_eq!(post.actual_weight, Some(base.saturating_add(own_slope)));
		assert!(base.saturating_add(own_slope).ref_time() < <() as WeightInfo>::pay(1).ref_time());
		// One of each: one input at each price.
		let change = last_outputs()[1];
		let post = Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&[change, c[1]]), CHARLIE, 1)
			.expect("pays");
		let mixed = base.saturating_add(own_slope).saturating_add(foreign_slope);
		assert_eq!(post.actual_weight, Some(mixed));
		assert!(mixed.ref_time() < <() as WeightInfo>::pay(2).ref_time());
		Codcoin::do_try_state().expect("invariants hold");
	});
}

#[test]
fn remint_splits_and_merges_with_equal_sums() {
	run(|| {
		let c = alice_issues(BOB, &[30, 20]);
		assert_ok!(Codcoin::remint(
			RuntimeOrigin::signed(BOB),
			ins(&c),
			outs(&[(BOB, 1), (CHARLIE, 24), (ALICE, 25)])
		));
		assert_eq!(Codcoin::balance_of(&ALICE, &ALICE), 25);
		assert_eq!(supply(ALICE), 50);
		assert_noop!(
			Codcoin::remint(
				RuntimeOrigin::signed(BOB),
				ins(&last_outputs()[..1]),
				outs(&[(BOB, 2)])
			),
			Error::<Test>::Ledger(LedgerError::Unbalanced)
		);
	});
}

#[test]
fn nobody_mints_through_remint_not_even_the_issuer() {
	run(|| {
		let c = alice_issues(ALICE, &[10]);
		assert_noop!(
			Codcoin::remint(RuntimeOrigin::signed(ALICE), ins(&c), outs(&[(BOB, 11)])),
			Error::<Test>::Ledger(LedgerError::Unbalanced)
		);
		assert_noop!(
			Codcoin::remint(RuntimeOrigin::signed(ALICE), ins(&[]), outs(&[(BOB, 1)])),
			Error::<Test>::Ledger(LedgerError::EmptyPour)
		);
	});
}

#[test]
fn double_spend_in_one_record_is_refused() {
	run(|| {
		let c = alice_issues(BOB, &[10]);
		assert_noop!(
			Codcoin::remint(RuntimeOrigin::signed(BOB), ins(&[c[0], c[0]]), outs(&[(CHARLIE, 20)])),
			Error::<Test>::Ledger(LedgerError::DuplicateInput)
		);
	});
}

#[test]
fn double_spend_in_two_records_is_refused() {
	run(|| {
		let c = alice_issues(BOB, &[10]);
		assert_ok!(Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 10));
		assert_noop!(
			Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 10),
			Error::<Test>::Ledger(LedgerError::UnknownOrSpentInput)
		);
		assert_noop!(
			Codcoin::destroy(RuntimeOrigin::signed(BOB), ins(&c)),
			Error::<Test>::Ledger(LedgerError::UnknownOrSpentInput)
		);
	});
}

#[test]
fn only_the_holder_spends() {
	run(|| {
		let c = alice_issues(BOB, &[10]);
		// Not even the issuer may spend a coin it issued to someone else.
		for who in [ALICE, CHARLIE] {
			assert_noop!(
				Codcoin::remint(RuntimeOrigin::signed(who), ins(&c), outs(&[(who, 10)])),
				Error::<Test>::Ledger(LedgerError::NotHolder)
			);
			assert_noop!(
				Codcoin::destroy(RuntimeOrigin::signed(who), ins(&c)),
				Error::<Test>::Ledger(LedgerError::NotHolder)
			);
		}
	});
}

#[test]
fn one_record_one_issuer() {
	run(|| {
		let a = alice_issues(BOB, &[10]);
		declare(CHARLIE, 100, 100);
		let c = issue(CHARLIE, &[(BOB, 10)]);
		assert_noop!(
			Codcoin::remint(RuntimeOrigin::signed(BOB), ins(&[a[0], c[0]]), outs(&[(BOB, 20)])),
			Error::<Test>::Ledger(LedgerError::MixedIssuers)
		);
		assert_noop!(
			Codcoin::destroy(RuntimeOrigin::signed(BOB), ins(&[c[0], a[0]])),
			Error::<Test>::Ledger(LedgerError::MixedIssuers)
		);
	});
}

#[test]
fn zero_outputs_and_oversized_records_are_refused() {
	run(|| {
		let c = alice_issues(BOB, &[10]);
		assert_noop!(
			Codcoin::remint(RuntimeOrigin::signed(BOB), ins(&c), outs(&[(CHARLIE, 10), (BOB, 0)])),
			Error::<Test>::Ledger(LedgerError::ZeroAmountOutput)
		);
		assert_noop!(
			Codcoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 1), (BOB, 0)])),
			Error::<Test>::Ledger(LedgerError::ZeroAmountOutput)
		);
		assert_noop!(
			Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 0),
			Error::<Test>::Ledger(LedgerError::ZeroAmountOutput)
		);
		assert_noop!(
			Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 11),
			Error::<Test>::Ledger(LedgerError::InsufficientInputs)
		);
		// Bounds: a transaction with more outputs than MaxOutputs (8) does not even decode, so
		// it never reaches the chain; eight do.
		let remint = |n: usize| {
			let outputs: Vec<_> = (0..n).map(|_| PourOutput { holder: BOB, amount: 1 }).collect();
			// The call's SCALE encoding: pallet call index, then the arguments (a bounded vec
			// encodes as a plain vec).
			let mut bytes = vec![4u8];
			bytes.extend(c.to_vec().encode());
			bytes.extend(outputs.encode());
			Call::<Test>::decode(&mut &bytes[..])
		};
		assert!(remint(8).is_ok());
		assert!(remint(9).is_err());
	});
}

#[test]
fn sums_that_overflow_are_refused() {
	run(|| {
		declare(ALICE, Units::MAX, 100);
		assert_noop!(
			Codcoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, Units::MAX), (BOB, 1)])),
			Error::<Test>::Ledger(LedgerError::Overflow)
		);
		let c = issue(ALICE, &[(BOB, Units::MAX - 1)]);
		assert_noop!(
			Codcoin::issue(RuntimeOrigin::signed(ALICE), outs(&[(BOB, 2)])),
			Error::<Test>::Ledger(LedgerError::Overflow)
		);
		assert_noop!(
			Codcoin::remint(
				RuntimeOrigin::signed(BOB),
				ins(&c),
				outs(&[(BOB, Units::MAX - 2), (CHARLIE, 2)])
			),
			Error::<Test>::Ledger(LedgerError::Unbalanced)
		);
		assert_noop!(
			Codcoin::remint(
				RuntimeOrigin::signed(BOB),
				ins(&c),
				outs(&[(BOB, Units::MAX), (CHARLIE, 2)])
			),
			Error::<Test>::Ledger(LedgerError::Overflow)
		);
	});
}

#[test]
fn destroy_burns_supply_and_returns_deposits() {
	run(|| {
		let c = alice_issues(BOB, &[10, 20]);
		assert_eq!(held(HoldReason::CoinDeposit, ALICE), 2 * COIN_DEPOSIT);
		assert_ok!(Codcoin::destroy(RuntimeOrigin::signed(BOB), ins(&c)));
		System::assert_last_event(
			Event::Poured {
				pour_id: 1,
				pourer: BOB,
				issuer: ALICE,
				inputs: ins(&c),
				outputs: BoundedVec::new(),
				minted: 0,
				burned: 30,
				escrowed: 0,
			}
			.into(),
		);
		assert_eq!(supply(ALICE), 0);
		// The deposits go back to whoever paid them: the issuer, not the holder.
		assert_eq!(held(HoldReason::CoinDeposit, ALICE), 0);
		assert_noop!(
			Codcoin::destroy(RuntimeOrigin::signed(BOB), ins(&[])),
			Error::<Test>::Ledger(LedgerError::EmptyPour)
		);
	});
}

#[test]
fn every_live_coin_holds_a_deposit_and_a_failed_record_changes_nothing() {
	run(|| {
		declare(POOR, 100, 100);
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_eq!(
			dispatch(POOR, Call::issue { outputs: outs(&[(BOB, 1)]) }),
			Err(Error::<Test>::Ledger(LedgerError::InsufficientDeposit).into())
		);
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
		// A holder pays the deposits of the coins it creates.
		let c = alice_issues(BOB, &[10]);
		assert_ok!(Codcoin::pay(RuntimeOrigin::signed(BOB), ins(&c), CHARLIE, 4));
		assert_eq!(held(HoldReason::CoinDeposit, BOB), 2 * COIN_DEPOSIT);
		assert_eq!(held(HoldReason::CoinDeposit, ALICE), 0);
	});
}

// ---- escrow (what the market uses) -------------------------------------------------------

#[test]
fn escrow_keeps_units_in_supply_and_pays_out_as_new_coins() {
	run(|| {
		alice_issues(BOB, &[30, 30, 40]);
		assert_ok!(Codcoin::escrow_lock(&ALICE, &BOB, 50, &[]));
		assert_eq!(Codcoin::balance_of(&BOB, &ALICE), 50);
		assert_eq!(Codcoin::escrowed(&ALICE, &BOB), 50);
		assert_eq!(supply(ALICE), 100);
		assert_eq!(Codcoin::issuer_summary(ALICE).escrowed, 50);

		assert_ok!(Codcoin::escrow_unlock(&ALICE, &BOB, &CHARLIE, 20, &CHARLIE));
		let coin = Codcoin::coins_of(CHARLIE, None, 10)[0].id;
		assert_eq!((holder_of(coin), amount(coin)), (Some(CHARLIE), Some(20)));
		assert_eq!(held(HoldReason::CoinDeposit, CHARLIE), COIN_DEPOSIT);
		assert_noop!(
			Codcoin::escrow_unlock(&ALICE, &BOB, &CHARLIE, 31, &CHARLIE),
			Error::<Test>::Ledger(LedgerError::InsufficientEscrow)
		);
		// Escrow is per owner: Charlie has none of his own.
		assert_noop!(
			Codcoin::escrow_unlock(&ALICE, &CHARLIE, &CHARLIE, 1, &CHARLIE),
			Error::<Test>::Ledger(LedgerError::InsufficientEscrow)
		);
		assert_ok!(Codcoin::escrow_unlock(&ALICE, &BOB, &BOB, 30, &BOB));
		assert_eq!(Codcoin::escrowed(&ALICE, &BOB), 0);
		assert_eq!(Codcoin::balance_of(&BOB, &ALICE), 80);
	});
}

#[test]
fn escrow_and_transfers_by_amount_refuse_what_the_holder_lacks() {
	run(|| {
		alice_issues(BOB, &[1; 8]);
		issue(ALICE, &[(BOB, 1), (BOB, 1)]);
		// Nine units lie in nine coins, more than one record may consume.
		assert_noop!(
			Codcoin::escrow_lock(&ALICE, &BOB, 9, &[]),
			Error::<Test>::Ledger(LedgerError::TooFragmented)
		);
		assert_noop!(
			<Codcoin as CoinLedger<_>>::transfer(&ALICE, &CHARLIE, &BOB, 1, &[]),
			Error::<Test>::Ledger(LedgerError::InsufficientBalance)
		);
		assert_ok!(<Codcoin as CoinLedger<_>>::transfer(&ALICE, &BOB, &CHARLIE, 5, &[]));
		assert_noop!(
			Codcoin::escrow_lock(&ALICE, &CHARLIE, 6, &[]),
			Error::<Test>::Ledger(LedgerError::InsufficientBalance)
		);
		assert_noop!(
			Codcoin::escrow_lock(&ALICE, &BOB, 0, &[]),
			Error::<Test>::Ledger(LedgerError::ZeroAmountOutput)
		);
		assert_eq!(Codcoin::balance_of(&CHARLIE, &ALICE), 5);
		assert_eq!(Codcoin::balance_of(&BOB, &ALICE), 5);
	});
}

// ---- queries -----------------------------------------------------------------------------

#[test]
fn coins_of_pages_through_every_issuer() {
	run(|| {
		alice_issues(BOB, &[1, 2, 3]);
		declare(CHARLIE, 100, 100);
		issue(CHARLIE, &[(BOB, 4), (BOB, 5)]);
		let all = Codcoin::coins_of(BOB, None, 100);
		assert_eq!(all.iter().map(|c| c.amount).sum::<Units>(), 15);
		let first = Codcoin::coins_of(BOB, None, 2);
		let rest = Codcoin::coins_of(BOB, Some((first[1].issuer, first[1].id)), 100);
		assert_eq!(first.len() + rest.len(), 5);
		assert_eq!([first, rest].concat(), all);
		let claims = Codcoin::claims_of(CHARLIE);
		assert_eq!(claims.len(), 1);
		assert!(claims[0].live);
		// Stored balances per issuer, and coins by issuer.
		let mut held = Codcoin::holdings_of(BOB, None, 10);
		held.sort_by_key(|h| h.issuer);
		assert_eq!(
			held,
			vec![
				HoldingInfo { issuer: ALICE, balance: 6 },
				HoldingInfo { issuer: CHARLIE, balance: 9 }
			]
		);
		assert_eq!(Codcoin::coins_of_issuer(CHARLIE, None, 10).len(), 2);
		assert_eq!(Codcoin::issuer_summary(ALICE).escrowed, 0);
	});
}

// ---- storage migration -------------------------------------------------------------------

#[test]
fn the_v1_migration_builds_balances_indices_and_escrow_totals() {
	use frame_support::traits::{OnRuntimeUpgrade, StorageVersion};
	run(|| {
		alice_issues(BOB, &[10, 20]);
		assert_ok!(Codcoin::escrow_lock(&ALICE, &BOB, 5, &[]));
		let _ = HeldTotals::<Test>::clear(u32::MAX, None);
		let _ = EscrowTotals::<Test>::clear(u32::MAX, None);
		crate::migrations::into_v1_layout::<Test>();
		StorageVersion::new(0).put::<Codcoin>();
		assert!(Codcoin::do_try_state().is_err());
		crate::migrations::MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(StorageVersion::get::<Codcoin>(), 1);
		assert_eq!(Codcoin::balance_of(&BOB, &ALICE), 25);
		assert_eq!(Codcoin::issuer_summary(ALICE).escrowed, 5);
		// A v0 chain goes on to v2, whose index the queries read.
		crate::migrations::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(StorageVersion::get::<Codcoin>(), 2);
		assert_eq!(Codcoin::coins_of_issuer(ALICE, None, 10).len(), 2);
	});
}

#[test]
fn the_v2_migration_keeps_one_index_entry_per_coin() {
	use frame_support::traits::{OnRuntimeUpgrade, StorageVersion};
	run(|| {
		alice_issues(BOB, &[1, 2, 3]);
		declare(CHARLIE, 100, 100);
		issue(CHARLIE, &[(BOB, 4), (AUDITOR, 5)]);
		let before =
			(Codcoin::coins_of(BOB, None, 100), Codcoin::coins_of_issuer(CHARLIE, None, 100));
		crate::migrations::into_v1_layout::<Test>();
		StorageVersion::new(1).put::<Codcoin>();
		assert!(Codcoin::do_try_state().is_err());
		crate::migrations::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(StorageVersion::get::<Codcoin>(), 2);
		Codcoin::do_try_state().expect("one index entry per coin");
		assert_eq!(
			(Codcoin::coins_of(BOB, None, 100), Codcoin::coins_of_issuer(CHARLIE, None, 100)),
			before
		);
		// Gated by the version: a second run changes nothing.
		let index: Vec<_> = Holdings::<Test>::iter_keys().collect();
		crate::migrations::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Holdings::<Test>::iter_keys().collect::<Vec<_>>(), index);
	});
}
