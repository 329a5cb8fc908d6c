//! Randomized call sequences (issue: randomized invariant testing): every call of the pallet,
//! valid and invalid, from six accounts (one poor, one never funded) across many blocks and
//! hours of clock. Inputs come mostly from the signer's own coins of one issuer, so that long
//! sequences stay deep, and otherwise from any coin ever seen: another holder's, another
//! issuer's, already spent, or the same coin twice. `try_state` holds after every block; a
//! rejected call changes nothing; COD is never created or destroyed.

use codchain_fuzz::{campaign, coin_inputs, coin_outputs, remember, Run};

use super::*;

const ACCOUNTS: [AccountId; 6] = [ALICE, BOB, CHARLIE, DAVE, POOR, EVE];

/// Ids seen alive at some point: spent coins and closed appointments stay, for replays.
#[derive(Default)]
struct Seen {
	coins: Vec<CoinId>,
	appointments: Vec<AppointmentId>,
}

impl Seen {
	fn refresh(&mut self) {
		remember(&mut self.coins, Coins::<Test>::iter_keys());
		remember(&mut self.appointments, Appointments::<Test>::iter_keys());
	}
}

fn now() -> Seconds {
	pallet_timestamp::Now::<Test>::get() / 1_000
}

fn inputs(run: &mut Run, seen: &Seen, who: AccountId) -> (Option<AccountId>, Vec<CoinId>) {
	let own: Vec<(CoinId, AccountId)> = Coins::<Test>::iter()
		.filter(|(_, c)| c.holder == who)
		.map(|(id, c)| (id, c.issuer))
		.collect();
	coin_inputs(&mut run.rng, &own, &seen.coins, 9)
}

fn outputs(run: &mut Run, total: Option<Seconds>) -> Vec<(AccountId, Seconds)> {
	coin_outputs(&mut run.rng, &ACCOUNTS, total, 9, 3_600)
}

fn input_sum(ids: &[CoinId]) -> Option<Seconds> {
	ids.iter().try_fold(0u64, |acc, id| acc.checked_add(Coins::<Test>::get(id)?.amount))
}

fn interval(run: &mut Run) -> (Seconds, Seconds) {
	let begin = match run.rng.below(4) {
		0 => now().saturating_sub(run.rng.below(7_200)),
		1 => now().saturating_add(HORIZON + run.rng.below(10)),
		_ => now().saturating_add(run.rng.range(1, 3 * 3_600)),
	};
	let len = if run.rng.chance(10) { 0 } else { run.rng.range(1, 3_600) };
	(begin, begin.saturating_add(len))
}

fn appointment(run: &mut Run, seen: &Seen) -> AppointmentId {
	if seen.appointments.is_empty() || run.rng.chance(10) {
		return NextAppointmentId::<Test>::get().saturating_add(run.rng.below(3));
	}
	*run.rng.pick(&seen.appointments)
}

fn step(run: &mut Run, seen: &mut Seen) {
	let who = *run.rng.pick(&ACCOUNTS);
	let origin = RuntimeOrigin::signed(who);
	match run.rng.below(100) {
		0..=7 => {
			let capacity = match run.rng.below(4) {
				0 => run.rng.amount(100_000),
				_ => run.rng.range(10_000, 1_000_000),
			};
			run.attempt("declare_capacity", || Timecoin::declare_capacity(origin, capacity));
		},
		8..=22 => {
			let list = outputs(run, None);
			run.attempt("issue", || Timecoin::issue(origin, outs(&list)));
		},
		23..=52 => {
			let (_, ids) = inputs(run, seen, who);
			let to = *run.rng.pick(&ACCOUNTS);
			let amount = match (input_sum(&ids), run.rng.chance(80)) {
				(Some(sum), true) if sum > 0 => run.rng.range(1, sum),
				_ => run.rng.amount(3_600),
			};
			run.attempt("transfer", || Timecoin::transfer(origin, ins(&ids), to, amount));
		},
		53..=64 => {
			let (issuer, ids) = inputs(run, seen, who);
			let issuer = match issuer {
				Some(i) if run.rng.chance(80) => i,
				_ => *run.rng.pick(&ACCOUNTS),
			};
			let time = if issuer == who && run.rng.chance(50) { run.rng.amount(600) } else { 0 };
			let book = run.rng.chance(25).then(|| interval(run));
			let spent = book.map_or(0, |(b, e)| e.saturating_sub(b));
			let total = input_sum(&ids)
				.and_then(|s| s.checked_add(time))
				.and_then(|s| s.checked_sub(spent));
			let list = outputs(run, total);
			run.attempt("pour", || {
				Timecoin::pour(origin, issuer, ins(&ids), outs(&list), time, book)
			});
		},
		65..=74 => {
			let (_, ids) = inputs(run, seen, who);
			let (begin, end) = interval(run);
			run.attempt("exercise", || Timecoin::exercise(origin, ins(&ids), begin, end));
		},
		75..=78 => {
			let id = appointment(run, seen);
			run.attempt("cancel_appointment", || Timecoin::cancel_appointment(origin, id));
		},
		79..=84 => {
			let id = appointment(run, seen);
			run.attempt("confirm", || Timecoin::confirm(origin, id));
		},
		85..=88 => {
			let id = appointment(run, seen);
			run.attempt("report_no_show", || Timecoin::report_no_show(origin, id));
		},
		89..=91 => {
			let id = appointment(run, seen);
			run.attempt("answer_no_show", || Timecoin::answer_no_show(origin, id));
		},
		92..=96 => {
			let id = appointment(run, seen);
			run.attempt("settle", || Timecoin::settle(origin, id));
		},
		_ => {
			run.attempt("retire", || Timecoin::retire(origin));
		},
	}
	seen.refresh();
}

/// A block ends: the invariants hold, the clock moves on by up to three hours (so
/// appointments begin, end and pass their windows).
fn next_block(run: &mut Run, issuance: Balance) {
	Timecoin::do_try_state()
		.unwrap_or_else(|e| panic!("seed {}: invariants broken: {e:?}", run.seed));
	assert_eq!(Balances::total_issuance(), issuance, "seed {}: COD created or destroyed", run.seed);
	let n = System::block_number() + 1;
	// Events would pile up across the run (a test block never starts through `initialize`).
	System::reset_events();
	// Timecoin has no hooks; the mock's timestamp would insist on an inherent per block.
	System::set_block_number(n);
	let skip = if run.rng.chance(20) { run.rng.range(3_600, 3 * 3_600) } else { 6 };
	set_now(now() + skip);
	run.block();
}

#[test]
fn random_call_sequences_keep_every_invariant() {
	let tally = campaign("timecoin", 8, 1_500, new_test_ext, |run, steps| {
		let issuance = Balances::total_issuance();
		let mut seen = Seen::default();
		for i in 0..steps {
			step(run, &mut seen);
			if i % 8 == 7 {
				next_block(run, issuance);
			}
		}
		next_block(run, issuance);
	});
	// The sequences reach every call's success path, not only its rejections.
	for call in ["issue", "transfer", "pour", "exercise", "confirm", "settle"] {
		assert!(tally.accepted_of(call) > 0, "no {call} was ever accepted");
	}
	assert!(tally.reasons() >= 15, "too few distinct rejections: {}", tally.reasons());
}
