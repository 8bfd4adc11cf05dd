import { CLIENT_FLOWS_SEARCH } from '../../../../domain/search/resources';
import { clientFlowWire } from '../../../../services/admin/client-flow-object';
import { searchClientFlows } from '../../../../services/admin/search.service';
import { searchHandler } from '../../../search';

/** `POST /api/1/client_flows/search` (admin-api.md §3, §4). */
export const searchClientFlowsRoute = searchHandler(CLIENT_FLOWS_SEARCH, searchClientFlows, (_app, flows) => flows.map(clientFlowWire));
