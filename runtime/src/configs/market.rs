//! The trade market (SPEC §4) and the assets it trades: COD, every codcoin, every timecoin,
//! every joint-token kind.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{dispatch::DispatchResult, parameter_types, traits::ConstU32};
use pallet_market::{Amount, OnChainAssets};
use scale_info::TypeInfo;
#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};
use sp_core::H256;
use sp_runtime::ArithmeticError;
use sp_runtime::DispatchError;
use utxo_core::CoinLedger;

use super::carchain::market as data_token;
use crate::{
	deposit, AccountId, Balance, Balances, BlockNumber, Codcoin, JointToken, Market, Runtime,
	RuntimeHoldReason, Timecoin, DAYS,
};

/// An on-chain asset the market trades. Variant indices are part of the transaction format, so
/// existing ones never move.
#[derive(
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum MarketAsset {
	/// The native token.
	#[codec(index = 0)]
	Cod,
	/// The codcoin of an issuer.
	#[codec(index = 1)]
	Codcoin(AccountId),
	/// The timecoin of an issuer, in seconds.
	#[codec(index = 2)]
	Timecoin(AccountId),
	/// A joint-token kind (SPEC §5), by its id.
	#[codec(index = 3)]
	JointToken(H256),
	/// CarChain's data token (SPEC §8).
	#[codec(index = 4)]
	DataToken,
}

/// Market amounts are `u128`; timecoin counts seconds in `u64`.
fn seconds(amount: Amount) -> Result<u64, ArithmeticError> {
	u64::try_from(amount).map_err(|_| ArithmeticError::Overflow)
}

/// Coin ids as the ledgers take them.
fn raw(coins: &[H256]) -> Vec<[u8; 32]> {
	coins.iter().map(|c| c.0).collect()
}

/// Routes the market's asset operations to the pallet that keeps each asset, through the
/// trait each ledger implements ([`CoinLedger`]); it reads no pallet's storage itself.
pub struct RuntimeAssets;
impl OnChainAssets<AccountId> for RuntimeAssets {
	type AssetId = MarketAsset;

	fn exists(asset: &MarketAsset) -> bool {
		match asset {
			MarketAsset::Cod => true,
			MarketAsset::Codcoin(issuer) => Codcoin::is_issuer(issuer),
			MarketAsset::Timecoin(issuer) => Timecoin::is_issuer(issuer),
			MarketAsset::JointToken(jtid) => JointToken::exists(jtid),
			MarketAsset::DataToken => true,
		}
	}

	fn is_native(asset: &MarketAsset) -> bool {
		matches!(asset, MarketAsset::Cod)
	}

	fn lock(
		asset: &MarketAsset,
		owner: &AccountId,
		amount: Amount,
		coins: &[H256],
	) -> Result<u32, DispatchError> {
		match asset {
			MarketAsset::Cod => Market::cod_lock(owner, amount).map(|()| 0),
			MarketAsset::Codcoin(issuer) => {
				Codcoin::escrow_lock(issuer, owner, amount, &raw(coins))
			},
			MarketAsset::Timecoin(issuer) => {
				Timecoin::escrow_lock(issuer, owner, seconds(amount)?, &raw(coins))
			},
			MarketAsset::JointToken(jtid) => {
				JointToken::escrow_lock(jtid, owner, amount).map(|()| 0)
			},
			MarketAsset::DataToken => data_token::lock(owner, amount).map(|()| 0),
		}
	}

	fn unlock(
		asset: &MarketAsset,
		owner: &AccountId,
		to: &AccountId,
		amount: Amount,
		payer: &AccountId,
	) -> DispatchResult {
		match asset {
			MarketAsset::Cod => Market::cod_unlock(owner, to, amount),
			MarketAsset::Codcoin(issuer) => {
				Codcoin::escrow_unlock(issuer, owner, to, amount, payer)
			},
			MarketAsset::Timecoin(issuer) => {
				Timecoin::escrow_unlock(issuer, owner, to, seconds(amount)?, payer)
			},
			MarketAsset::JointToken(jtid) => {
				JointToken::escrow_unlock(jtid, owner, to, amount, payer)
			},
			MarketAsset::DataToken => data_token::unlock(owner, to, amount),
		}
	}

	fn transfer(
		asset: &MarketAsset,
		from: &AccountId,
		to: &AccountId,
		amount: Amount,
		coins: &[H256],
	) -> Result<u32, DispatchError> {
		match asset {
			MarketAsset::Cod => Market::cod_transfer(from, to, amount).map(|()| 0),
			MarketAsset::Codcoin(issuer) => {
				<Codcoin as CoinLedger<_>>::transfer(issuer, from, to, amount, &raw(coins))
			},
			MarketAsset::Timecoin(issuer) => <Timecoin as CoinLedger<_>>::transfer(
				issuer,
				from,
				to,
				seconds(amount)?,
				&raw(coins),
			),
			// Paid to the kind's root (a sale to its desk), the tokens are burned.
			MarketAsset::JointToken(jtid) => {
				JointToken::market_transfer(jtid, from, to, amount).map(|()| 0)
			},
			MarketAsset::DataToken => data_token::transfer(from, to, amount).map(|()| 0),
		}
	}

	// COD and data-token escrow are holds, which cannot be listed without scanning accounts.
	fn escrow_entries() -> Vec<(MarketAsset, AccountId, Amount)> {
		let codcoin = Codcoin::escrow_entries()
			.into_iter()
			.map(|(issuer, owner, units)| (MarketAsset::Codcoin(issuer), owner, units));
		let timecoin = Timecoin::escrow_entries().into_iter().map(|(issuer, owner, seconds)| {
			(MarketAsset::Timecoin(issuer), owner, Amount::from(seconds))
		});
		let jointtoken = JointToken::escrow_entries()
			.into_iter()
			.map(|(jtid, owner, amount)| (MarketAsset::JointToken(jtid), owner, amount));
		codcoin.chain(timecoin).chain(jointtoken).collect()
	}

	fn escrowed(asset: &MarketAsset, owner: &AccountId) -> Amount {
		match asset {
			MarketAsset::Cod => Market::cod_escrowed(owner),
			MarketAsset::Codcoin(issuer) => <Codcoin as CoinLedger<_>>::escrowed(issuer, owner),
			MarketAsset::Timecoin(issuer) => {
				<Timecoin as CoinLedger<_>>::escrowed(issuer, owner).into()
			},
			MarketAsset::JointToken(jtid) => JointToken::escrowed(jtid, owner),
			MarketAsset::DataToken => data_token::escrowed(owner),
		}
	}

	fn issuer(asset: &MarketAsset) -> Option<AccountId> {
		match asset {
			MarketAsset::Cod => None,
			MarketAsset::Codcoin(issuer) | MarketAsset::Timecoin(issuer) => Some(issuer.clone()),
			// The deployer stands behind a kind as an issuer behind its coin.
			MarketAsset::JointToken(jtid) => JointToken::deployer(jtid),
			// Minted by the chain's emission, no account stands behind it.
			MarketAsset::DataToken => None,
		}
	}

	fn shortfall(asset: &MarketAsset) -> Amount {
		match asset {
			// Outstanding seconds never exceed a timecoin issuer's declared capacity.
			MarketAsset::Cod => 0,
			MarketAsset::Codcoin(issuer) => <Codcoin as CoinLedger<_>>::shortfall(issuer),
			MarketAsset::Timecoin(issuer) => <Timecoin as CoinLedger<_>>::shortfall(issuer).into(),
			// Joint tokens are backed by their desk, not by collateral claims.
			MarketAsset::JointToken(_) => 0,
			MarketAsset::DataToken => 0,
		}
	}
}

parameter_types! {
	/// An offer is about 300 bytes plus two index entries.
	pub const MarketOfferDeposit: Balance = deposit(3, 360);
	/// A pending trade is about 300 bytes plus two index entries; it also pays for the coins
	/// settlement creates, so it covers a codcoin coin deposit.
	pub const MarketTradeDeposit: Balance = deposit(3, 360);
	/// A registration is up to 16 resources of about 40 bytes.
	pub const MarketRegistrationDeposit: Balance = deposit(1, 640);
	/// An account record is one entry of about 100 bytes (key and value).
	pub const MarketRecordDeposit: Balance = deposit(1, 100);
	/// Blocks the receivers of off-chain legs have to confirm them. A storage parameter so
	/// governance (sudo) can tune it without a runtime upgrade.
	pub storage MarketSettlementPeriod: BlockNumber = DAYS;
}

impl pallet_market::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Assets = RuntimeAssets;
	type OfferDeposit = MarketOfferDeposit;
	type TradeDeposit = MarketTradeDeposit;
	type RegistrationDeposit = MarketRegistrationDeposit;
	type RecordDeposit = MarketRecordDeposit;
	// Forfeited bonds are burned. Paying them to the counterparty would reward it for
	// withholding a confirmation; a treasury would do, but Codchain has none yet, and burning
	// leaves nobody on chain a reason to provoke a default.
	type Forfeit = ();
	type SettlementPeriod = MarketSettlementPeriod;
	type MaxOffersPerAccount = ConstU32<64>;
	type MaxExpiringPerBlock = ConstU32<32>;
	type MaxRegistered = ConstU32<16>;
	type MaxPaymentCoins = super::economy::CoinMaxInputs;
	type WeightInfo = pallet_market::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MarketBenchAssets;
}

/// The market's benchmarks trade codcoins, the costliest assets to move.
#[cfg(feature = "runtime-benchmarks")]
pub struct MarketBenchAssets;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_market::traits::BenchmarkHelper<AccountId, MarketAsset> for MarketBenchAssets {
	fn asset(n: u32) -> MarketAsset {
		use frame_support::traits::fungible::Mutate;
		let issuer: AccountId = frame_benchmarking::account("issuer", n, 0);
		if !Codcoin::is_issuer(&issuer) {
			let _ = Balances::set_balance(&issuer, Balance::MAX / 1_000);
			Codcoin::declare_claim(
				crate::RuntimeOrigin::signed(issuer.clone()),
				pallet_codcoin::ClaimKind::Stock { units: 1 },
				Amount::MAX / 2,
				BlockNumber::MAX,
				None,
			)
			.expect("benchmark issuer declares a claim");
		}
		MarketAsset::Codcoin(issuer)
	}

	fn native() -> MarketAsset {
		MarketAsset::Cod
	}

	fn fund(asset: &MarketAsset, who: &AccountId, amount: Amount, pieces: u32) {
		if let MarketAsset::Codcoin(issuer) = asset {
			use frame_support::traits::{fungible::Mutate, Get};
			let max: u32 = <Runtime as pallet_codcoin::Config>::MaxInputs::get();
			let pieces = u32::try_from(amount).unwrap_or(u32::MAX).min(pieces).clamp(1, max);
			let each = amount / Amount::from(pieces);
			for k in 0..pieces {
				let piece = if k == 0 { amount - each * Amount::from(pieces - 1) } else { each };
				// Each piece passes through its own payer, who pays its deposit.
				let payer: AccountId = frame_benchmarking::account("piece", k, 0);
				let _ = Balances::set_balance(&payer, Balance::MAX / 1_000);
				let out = |holder: &AccountId| {
					frame_support::BoundedVec::truncate_from(alloc::vec![
						pallet_codcoin::PourOutput { holder: holder.clone(), amount: piece }
					])
				};
				Codcoin::issue(crate::RuntimeOrigin::signed(issuer.clone()), out(&payer))
					.expect("benchmark issuer issues");
				let coin = Codcoin::coins_of(payer.clone(), None, 1)[0].id;
				let ins = frame_support::BoundedVec::truncate_from(alloc::vec![coin]);
				Codcoin::remint(crate::RuntimeOrigin::signed(payer), ins, out(who))
					.expect("the payer passes its piece on");
			}
		}
	}
}
