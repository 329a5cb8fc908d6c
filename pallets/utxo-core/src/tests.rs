use alloc::{collections::BTreeMap, vec, vec::Vec};

use crate::*;

const A: u8 = 1; // issuer
const B: u8 = 2;
const C: u8 = 3;
const LIMITS: Limits = Limits { max_inputs: 8, max_outputs: 8 };

/// A coin store: id -> (issuer, holder, amount).
struct Store(BTreeMap<CoinId, CoinView<u8, u64>>);

impl Store {
	fn new(coins: &[(u32, u8, u8, u64)]) -> Self {
		Self(
			coins
				.iter()
				.map(|&(i, issuer, holder, amount)| (id(i), CoinView { issuer, holder, amount }))
				.collect(),
		)
	}
	fn check(&self, pour: Pour<'_, u8, u64>) -> Result<ValidPour<u8, u64>, LedgerError> {
		validate_pour(&pour, LIMITS, |id| self.0.get(id).cloned())
	}
}

fn id(i: u32) -> CoinId {
	coin_id(b"test", 0, i)
}

fn out(holder: u8, amount: u64) -> Output<u8, u64> {
	Output { holder, amount }
}

fn pour<'a>(
	pourer: &'a u8,
	inputs: &'a [CoinId],
	outputs: &'a [Output<u8, u64>],
	minted: u64,
	burned: u64,
) -> Pour<'a, u8, u64> {
	Pour { pourer, issuer: &A, inputs, outputs, minted, burned }
}

#[test]
fn seed_example_b_gives_85_of_10_and_80_to_c() {
	let store = Store::new(&[(0, A, B, 10), (1, A, B, 80)]);
	let outputs = [out(C, 85), out(B, 5)];
	let valid = store.check(pour(&B, &[id(0), id(1)], &outputs, 0, 0)).unwrap();
	assert_eq!(valid.sum_inputs, 90);
	assert_eq!(valid.sum_outputs, 90);
	assert_eq!(valid.inputs.len(), 2);
}

#[test]
fn issue_mints_time_with_no_inputs() {
	let store = Store::new(&[]);
	let outputs = [out(B, 3600)];
	assert!(store.check(pour(&A, &[], &outputs, 3600, 0)).is_ok());
}

#[test]
fn exercise_burns_the_interval() {
	let store = Store::new(&[(0, A, B, 100)]);
	let outputs = [out(B, 40)];
	assert!(store.check(pour(&B, &[id(0)], &outputs, 0, 60)).is_ok());
	// An exercise may also consume the whole coin.
	assert!(store.check(pour(&B, &[id(0)], &[], 0, 100)).is_ok());
}

#[test]
fn rule_1_mixed_issuers() {
	let store = Store::new(&[(0, A, B, 10), (1, C, B, 10)]);
	let outputs = [out(B, 20)];
	assert_eq!(
		store.check(pour(&B, &[id(0), id(1)], &outputs, 0, 0)),
		Err(LedgerError::MixedIssuers)
	);
	// Coins of C poured as coins of A are caught even when they are the only input.
	assert_eq!(
		store.check(pour(&B, &[id(1)], &[out(B, 10)], 0, 0)),
		Err(LedgerError::MixedIssuers)
	);
}

#[test]
fn rule_2_unknown_or_spent_input() {
	let store = Store::new(&[(0, A, B, 10)]);
	assert_eq!(
		store.check(pour(&B, &[id(7)], &[out(B, 10)], 0, 0)),
		Err(LedgerError::UnknownOrSpentInput)
	);
}

#[test]
fn rule_3_input_not_held_by_pourer() {
	let store = Store::new(&[(0, A, B, 10)]);
	assert_eq!(store.check(pour(&C, &[id(0)], &[out(C, 10)], 0, 0)), Err(LedgerError::NotHolder));
}

#[test]
fn rule_4_only_the_issuer_adds_time() {
	let store = Store::new(&[(0, A, B, 10)]);
	assert_eq!(
		store.check(pour(&B, &[id(0)], &[out(B, 20)], 10, 0)),
		Err(LedgerError::MintByNonIssuer)
	);
	assert_eq!(store.check(pour(&B, &[], &[out(B, 20)], 20, 0)), Err(LedgerError::MintByNonIssuer));
}

#[test]
fn rule_5_conservation() {
	let store = Store::new(&[(0, A, B, 10), (1, A, B, 80)]);
	// One second too many or too few.
	for outputs in [vec![out(C, 85), out(B, 6)], vec![out(C, 85), out(B, 4)]] {
		assert_eq!(
			store.check(pour(&B, &[id(0), id(1)], &outputs, 0, 0)),
			Err(LedgerError::Unbalanced)
		);
	}
	// Burning more than the inputs hold.
	assert_eq!(store.check(pour(&B, &[id(0)], &[], 0, 11)), Err(LedgerError::Unbalanced));
}

#[test]
fn sums_that_overflow_are_rejected() {
	let store = Store::new(&[(0, A, B, u64::MAX), (1, A, B, 1)]);
	// Inputs overflow.
	assert_eq!(
		store.check(pour(&B, &[id(0), id(1)], &[out(B, 1)], 0, 0)),
		Err(LedgerError::Overflow)
	);
	// Outputs overflow.
	let outputs = [out(B, u64::MAX), out(C, 1)];
	assert_eq!(store.check(pour(&A, &[], &outputs, 1, 0)), Err(LedgerError::Overflow));
	// Outputs plus burned overflow.
	assert_eq!(
		store.check(pour(&B, &[id(0)], &[out(B, 1)], 0, u64::MAX)),
		Err(LedgerError::Overflow)
	);
	// Inputs plus minted overflow.
	assert_eq!(
		store.check(pour(&A, &[], &[out(B, u64::MAX)], u64::MAX, 1)),
		Err(LedgerError::Overflow)
	);
}

#[test]
fn zero_output_duplicate_input_and_empty_pour() {
	let store = Store::new(&[(0, A, B, 10)]);
	assert_eq!(
		store.check(pour(&B, &[id(0)], &[out(B, 10), out(C, 0)], 0, 0)),
		Err(LedgerError::ZeroAmountOutput)
	);
	// The same coin twice would double its value.
	assert_eq!(
		store.check(pour(&B, &[id(0), id(0)], &[out(B, 20)], 0, 0)),
		Err(LedgerError::DuplicateInput)
	);
	assert_eq!(store.check(pour(&A, &[], &[], 0, 0)), Err(LedgerError::EmptyPour));
}

#[test]
fn counts_are_bounded() {
	let store = Store::new(&[]);
	let inputs: Vec<CoinId> = (0..9).map(id).collect();
	assert_eq!(store.check(pour(&B, &inputs, &[], 0, 0)), Err(LedgerError::TooManyInputs));
	let outputs: Vec<_> = (0..9).map(|_| out(B, 1)).collect();
	assert_eq!(store.check(pour(&A, &[], &outputs, 9, 0)), Err(LedgerError::TooManyOutputs));
}

#[test]
fn works_for_u128_amounts() {
	let coins: BTreeMap<CoinId, CoinView<u8, u128>> =
		[(id(0), CoinView { issuer: A, holder: B, amount: u128::MAX })].into_iter().collect();
	let outputs = [Output { holder: C, amount: u128::MAX - 1 }, Output { holder: B, amount: 1 }];
	let p =
		Pour { pourer: &B, issuer: &A, inputs: &[id(0)], outputs: &outputs, minted: 0, burned: 0 };
	assert!(validate_pour(&p, LIMITS, |i| coins.get(i).cloned()).is_ok());
}

#[test]
fn coin_ids_are_distinct_across_pours_indices_and_domains() {
	let mut ids = BTreeMap::new();
	for domain in [&b"timecoin"[..], &b"codcoin"[..]] {
		for pour_id in 0..50u64 {
			for index in 0..8u32 {
				assert!(ids.insert(coin_id(domain, pour_id, index), ()).is_none());
			}
		}
	}
	assert_ne!(coin_id(b"ab", 1, 0), coin_id(b"a", 1, 0));
}

#[test]
fn selection_takes_coins_in_order_until_the_amount_is_covered() {
	let coins = [(id(0), 5u64), (id(1), 10), (id(2), 20)];
	assert_eq!(select_coins(coins, 12, 8), Ok((vec![id(0), id(1)], 15)));
	assert_eq!(select_coins(coins, 5, 8), Ok((vec![id(0)], 5)));
	assert_eq!(select_coins(coins, 36, 8), Err(LedgerError::InsufficientBalance));
	assert_eq!(select_coins(coins, 0, 8), Ok((vec![], 0)));
}

#[test]
fn selection_is_bounded_and_checked() {
	let many = (0..100u32).map(|i| (id(i), 1u64));
	assert_eq!(select_coins(many, 3, 2), Err(LedgerError::TooFragmented));
	// It stops reading after max + 1 coins, however many the holder has.
	let mut read = 0;
	let counted = (0..100u32).map(|i| {
		read += 1;
		(id(i), 1u64)
	});
	assert!(select_coins(counted, 50, 4).is_err());
	assert_eq!(read, 5);
	assert_eq!(
		select_coins([(id(0), u64::MAX), (id(1), 1)], u64::MAX, 8),
		Ok((vec![id(0)], u64::MAX))
	);
	assert_eq!(
		select_coins([(id(0), u64::MAX - 1), (id(1), 2)], u64::MAX, 8),
		Err(LedgerError::Overflow)
	);
}
