//! Standing offers, which other pallets open for accounts they control (a joint token's
//! exchange desk): they never expire, can be topped up and repriced, and fill like any offer.

use super::*;

#[test]
fn a_standing_offer_never_expires_and_can_be_topped_up_and_repriced() {
	run(|| {
		issue(ALICE, &[BOB], 1_000);
		let ratio = Ratio { pay: 1, receive: 2 };
		let id = Market::open_standing(&ALICE, cod(), coin(ALICE), ratio, 100).unwrap();
		let offer = Offers::<Test>::get(id).unwrap();
		assert!(Market::is_standing(offer.expiry));
		assert_eq!(Expiring::<Test>::iter().count(), 0);
		run_to(1_000);
		assert_eq!(Market::offer_remaining(id), Some(100));

		assert_noop!(Market::top_up(&BOB, id, 10), Error::<Test>::NotOfferer);
		assert_noop!(Market::top_up(&ALICE, id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Market::top_up(&ALICE, id, ENDOWMENT), Error::<Test>::InsufficientBalance);
		frame_support::assert_ok!(Market::top_up(&ALICE, id, 50));
		assert_eq!(Market::cod_escrowed(&ALICE), 150);

		assert_noop!(
			Market::reprice(&ALICE, id, Ratio { pay: 0, receive: 1 }),
			Error::<Test>::ZeroRatio
		);
		assert_noop!(Market::reprice(&BOB, id, ratio), Error::<Test>::NotOfferer);
		frame_support::assert_ok!(Market::reprice(&ALICE, id, Ratio { pay: 1, receive: 4 }));
		// Bob takes 150 COD for 600 coins at the new ratio; the filled offer closes.
		assert_ok!(Market::accept(RuntimeOrigin::signed(BOB), id, 150, Default::default()));
		assert_eq!(Market::offer_remaining(id), None);
		assert_eq!(Codcoin::balance_of(&ALICE, &ALICE), 600);
	});
}
