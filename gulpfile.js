// Copies what tsc does not: icons, codex files and the WSDL files the transport reads at run time.
const { src, dest } = require('gulp');

function copyStaticFiles() {
	return src(['nodes/**/*.{svg,png,wsdl}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports.build = copyStaticFiles;
exports.default = copyStaticFiles;
