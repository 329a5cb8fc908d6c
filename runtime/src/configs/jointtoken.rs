//! Joint tokens (SPEC §5): limits, the deposits that pay for their storage, and the exchange
//! desks as standing offers in the trade market.

use frame_support::{dispatch::DispatchResult, parameter_types, traits::ConstU32, PalletId};
use pallet_jointtoken::{Amount, JtId, OfferId, Price};
use pallet_market::{Ratio, Resource};
use sp_runtime::DispatchError;

use crate::{
	deposit, AccountId, Balance, Balances, BlockNumber, Market, MarketAsset, Runtime,
	RuntimeHoldReason, DAYS,
};

/// Longest policy text of a rules document: 4 KiB.
pub const JT_MAX_DOCUMENT_LEN: u32 = 4_096;

parameter_types! {
	/// Derives the keyless root, incubation and automatic accounts.
	pub const JointTokenPalletId: PalletId = PalletId(*b"cod/jtkn");
	/// A kind's record (supply, prices, desk, schedule state: about 400 bytes) and its rules
	/// entry, besides the rules' own bytes.
	pub const JtKindDeposit: Balance = deposit(2, 400);
	/// Per byte of a rules document.
	pub const JtByteDeposit: Balance = deposit(0, 1);
	/// A ledger entry, a user or mentor record, or a preorder: one entry of about 150 bytes
	/// with its key.
	pub const JtEntryDeposit: Balance = deposit(1, 150);
	/// A presale, a loan with its place in the borrower's list, or an automatic account with
	/// a full distribution rule (32 shares of 36 bytes): a few entries, up to 1.3 KB.
	pub const JtRecordDeposit: Balance = deposit(3, 1_300);
	/// Signed items may name an expiry up to a day ahead; their ids are kept that long.
	pub const JtMaxItemLife: BlockNumber = DAYS;
}

impl pallet_jointtoken::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Signature = crate::Signature;
	type Signer = <crate::Signature as sp_runtime::traits::Verify>::Signer;
	type Desk = MarketDesk;
	type PalletId = JointTokenPalletId;
	type KindDeposit = JtKindDeposit;
	type ByteDeposit = JtByteDeposit;
	type EntryDeposit = JtEntryDeposit;
	type RecordDeposit = JtRecordDeposit;
	type MaxDocumentLen = ConstU32<JT_MAX_DOCUMENT_LEN>;
	// A 16-input transfer checks 16 signatures: well within a block.
	type MaxInputs = ConstU32<16>;
	type MaxOutputs = ConstU32<32>;
	type MaxShares = ConstU32<32>;
	type MaxItemLife = JtMaxItemLife;
	type MaxItemsPerExpiry = ConstU32<256>;
	type MaxDuePerBlock = ConstU32<16>;
	type MaxLoansPerBorrower = ConstU32<4>;
	type WeightInfo = pallet_jointtoken::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_jointtoken::traits::Sr25519Signers;
}

/// Each kind's exchange desk is a standing market offer of its root account: it pays COD and
/// receives the kind's tokens at the buy price.
pub struct MarketDesk;
impl pallet_jointtoken::Desk<AccountId> for MarketDesk {
	fn open(
		root: &AccountId,
		jtid: &JtId,
		cod: Amount,
		buy: Price,
	) -> Result<OfferId, DispatchError> {
		Market::open_standing(
			root,
			Resource::OnChain(MarketAsset::Cod),
			Resource::OnChain(MarketAsset::JointToken(*jtid)),
			Ratio { pay: buy.cod, receive: buy.jt },
			cod,
		)
	}

	fn top_up(root: &AccountId, offer: OfferId, cod: Amount) -> DispatchResult {
		Market::top_up(root, offer, cod)
	}

	fn reprice(root: &AccountId, offer: OfferId, buy: Price) -> DispatchResult {
		Market::reprice(root, offer, Ratio { pay: buy.cod, receive: buy.jt })
	}

	fn remaining(offer: OfferId) -> Option<Amount> {
		Market::offer_remaining(offer)
	}

	fn opening_deposit() -> Amount {
		<Runtime as pallet_market::Config>::OfferDeposit::get()
			+ <Runtime as pallet_market::Config>::RecordDeposit::get()
	}
}
