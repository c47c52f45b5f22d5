// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeHttpServer.h"

#include <QTcpSocket>
#include <QTimer>

namespace indexlens::test {

namespace {
QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}
} // namespace

FakeResponse FakeResponse::json(const QByteArray &body, int status)
{
    return {status, body, {{"Content-Type", "application/json;charset=utf-8"}}, false, -1};
}

FakeResponse FakeResponse::csv(const QByteArray &body, int status)
{
    return {status, body, {{"Content-Type", "text/csv"}}, false, -1};
}

FakeResponse FakeResponse::html(const QByteArray &body, int status)
{
    return {status, body, {{"Content-Type", "text/html; charset=utf-8"}}, false, -1};
}

FakeHttpServer::FakeHttpServer()
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onConnection);
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qFatal("FakeHttpServer: cannot listen on 127.0.0.1");
}

QString FakeHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void FakeHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
            const int end = buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                socket->setProperty("buffer", buffer);
                return;
            }
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            FakeRequest request;
            request.method = requestLine.value(0);
            const QByteArray target = requestLine.value(1);
            const int q = target.indexOf('?');
            request.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
            if (q >= 0) request.query = QUrlQuery(QString::fromLatin1(target.mid(q + 1)));
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            requests.append(request);
            const FakeResponse response =
                m_handler ? m_handler(request) : FakeResponse{404, {}, {}, false, -1};
            if (response.hang) return;
            QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                             reason(response.status) + "\r\n";
            for (const auto &header : response.headers)
                out += header.first + ": " + header.second + "\r\n";
            out += "Content-Length: " +
                   QByteArray::number(response.declaredLength >= 0 ? response.declaredLength
                                                                   : response.body.size()) +
                   "\r\nConnection: close\r\n\r\n" + response.body;
            socket->write(out);
            socket->flush();
            // The client closes after reading (Connection: close). Closing first races with its
            // read: Qt then takes the reply as cut short and sends the request again. Only a
            // response meant to break mid-body closes at once.
            if (response.declaredLength >= 0)
                socket->disconnectFromHost();
            else
                QTimer::singleShot(10000, socket, [socket] { socket->disconnectFromHost(); });
        });
    }
}

} // namespace indexlens::test
