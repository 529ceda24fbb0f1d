// Words of the console's deployments area (/catalog/admin/deployments).
export default {}
