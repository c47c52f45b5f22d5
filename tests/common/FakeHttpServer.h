// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrlQuery>

#include <functional>

namespace indexlens::test {

struct FakeRequest {
    QByteArray method;
    QString path; // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

struct FakeResponse {
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool hang = false;       // never answer (a timeout)
    int declaredLength = -1; // Content-Length to announce when it differs from the body's

    static FakeResponse json(const QByteArray &body, int status = 200);
    static FakeResponse csv(const QByteArray &body, int status = 200);
    static FakeResponse html(const QByteArray &body, int status = 200);
};

// A small HTTP/1.1 server on 127.0.0.1 (random port) for provider tests: each request goes to the
// handler, and is logged.
class FakeHttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    FakeHttpServer();
    QString baseUrl() const;
    quint16 port() const { return m_server.serverPort(); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QList<FakeRequest> requests;

private:
    void onConnection();
    QTcpServer m_server;
    Handler m_handler;
};

} // namespace indexlens::test
