//! The coin queries both coin ledgers answer alike, written once: `<ns>_coinsOf`,
//! `<ns>_coinsOfIssuer`, `<ns>_holdings` and `<ns>_coin`, thin wrappers over the ledger's
//! runtime API (whose methods of those names every ledger API has).

/// Defines the RPC trait `$api` (server side `$server`) in namespace `$ns` and implements it
/// for `$handler<C>` (a struct with a `client: Arc<C>` field) over the runtime API
/// `$runtime_api` with generics `$($g),*`. `$info` and `$holding` are the ledger's coin and
/// holding query types, `$id` its coin id.
macro_rules! coin_queries_rpc {
	(
		namespace: $ns:tt,
		api: $api:ident,
		server: $server:ident,
		handler: $handler:ident,
		runtime_api: $runtime_api:ident<$($g:ty),*>,
		coin: $info:ident,
		holding: $holding:ident,
		id: $id:ty $(,)?
	) => {
		#[jsonrpsee::proc_macros::rpc(server, namespace = $ns)]
		pub trait $api {
			/// Coins held by `holder` (SS58), ordered by issuer then id, after `startAfter` =
			/// `[issuer, coinId]` of the last coin of the previous page (it may be spent
			/// since), at most `limit` (<= 1000).
			#[method(name = "coinsOf")]
			fn coins_of(
				&self,
				holder: AccountId,
				start_after: Option<(AccountId, $id)>,
				limit: Option<u32>,
				at: Option<Hash>,
			) -> jsonrpsee::core::RpcResult<Vec<$info<AccountId>>>;

			/// Live coins of `issuer` (SS58), ordered by holder then id, after `startAfter` =
			/// `[holder, coinId]` of the last coin of the previous page (it may be spent
			/// since), at most `limit` (<= 1000).
			#[method(name = "coinsOfIssuer")]
			fn coins_of_issuer(
				&self,
				issuer: AccountId,
				start_after: Option<(AccountId, $id)>,
				limit: Option<u32>,
				at: Option<Hash>,
			) -> jsonrpsee::core::RpcResult<Vec<$info<AccountId>>>;

			/// What `holder` holds of each issuer's coin, after issuer `startAfter`, at most
			/// `limit` (<= 1000).
			#[method(name = "holdings")]
			fn holdings(
				&self,
				holder: AccountId,
				start_after: Option<AccountId>,
				limit: Option<u32>,
				at: Option<Hash>,
			) -> jsonrpsee::core::RpcResult<Vec<$holding<AccountId>>>;

			/// A live coin by id, or `null` when unknown or spent.
			#[method(name = "coin")]
			fn coin(
				&self,
				id: $id,
				at: Option<Hash>,
			) -> jsonrpsee::core::RpcResult<Option<$info<AccountId>>>;
		}

		impl<C> $server for $handler<C>
		where
			C: sp_api::ProvideRuntimeApi<Block>
				+ sp_blockchain::HeaderBackend<Block>
				+ Send
				+ Sync
				+ 'static,
			C::Api: $runtime_api<Block, $($g),*>,
		{
			fn coins_of(
				&self,
				holder: AccountId,
				start_after: Option<(AccountId, $id)>,
				limit: Option<u32>,
				at: Option<Hash>,
			) -> jsonrpsee::core::RpcResult<Vec<$info<AccountId>>> {
				let at = super::block_at(&*self.client, at)?;
				let limit = limit.unwrap_or(super::DEFAULT_PAGE);
				self.client
					.runtime_api()
					.coins_of(at, holder, start_after, limit)
					.map_err(super::runtime_error)
			}

			fn coins_of_issuer(
				&self,
				issuer: AccountId,
				start_after: Option<(AccountId, $id)>,
				limit: Option<u32>,
				at: Option<Hash>,
			) -> jsonrpsee::core::RpcResult<Vec<$info<AccountId>>> {
				let at = super::block_at(&*self.client, at)?;
				let limit = limit.unwrap_or(super::DEFAULT_PAGE);
				self.client
					.runtime_api()
					.coins_of_issuer(at, issuer, start_after, limit)
					.map_err(super::runtime_error)
			}

			fn holdings(
				&self,
				holder: AccountId,
				start_after: Option<AccountId>,
				limit: Option<u32>,
				at: Option<Hash>,
			) -> jsonrpsee::core::RpcResult<Vec<$holding<AccountId>>> {
				let at = super::block_at(&*self.client, at)?;
				let limit = limit.unwrap_or(super::DEFAULT_PAGE);
				self.client
					.runtime_api()
					.holdings(at, holder, start_after, limit)
					.map_err(super::runtime_error)
			}

			fn coin(
				&self,
				id: $id,
				at: Option<Hash>,
			) -> jsonrpsee::core::RpcResult<Option<$info<AccountId>>> {
				let at = super::block_at(&*self.client, at)?;
				self.client.runtime_api().coin(at, id).map_err(super::runtime_error)
			}
		}
	};
}

pub(crate) use coin_queries_rpc;
